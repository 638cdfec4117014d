namespace Arb.Domain.Trading;

/// <summary>
/// Decides from the edge features whether to open, hold or close. Pure and synchronous: the same features give the
/// same decision, so live, sim and backtest decide alike. The threshold estimator and the learned policy plug in here.
/// </summary>
public interface IEdgeEstimator
{
    EdgeDecision Decide(in EdgeFeatures features);
}

/// <summary>
/// Opt-in capability: an estimator that can tell, from upper bounds of the three edges alone, that it would hold.
/// The trader then skips computing the full features for that update (they are computed later if the status asks).
/// An estimator that needs every update's features (a learned policy) simply does not implement this.
/// </summary>
public interface IBoundedEdgeEstimator : IEdgeEstimator
{
    /// <summary>
    /// True only if <see cref="IEdgeEstimator.Decide"/> would answer <see cref="EdgeAction.Hold"/> for every valid
    /// features whose edges (where not null) are at most <paramref name="bounds"/> and whose held quantity is the one given.
    /// </summary>
    bool HoldsBelow(in EdgeBounds bounds);
}

/// <summary>
/// Upper bounds of the edges a <see cref="EdgeFeatures"/> could hold, in bps, already widened by a safety margin
/// over floating-point error; <see cref="double.NegativeInfinity"/> where the edge is null (nothing to close).
/// </summary>
public readonly record struct EdgeBounds(double OpenEdgeBps, double ReverseOpenEdgeBps, double CloseEdgeBps, decimal HeldQuantity);
