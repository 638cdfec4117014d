namespace Arb.Domain.Trading;

/// <summary>
/// Decides from the edge features whether to open, hold or close. Pure and synchronous: the same features give the
/// same decision, so live, sim and backtest decide alike. The threshold estimator and the learned policy plug in here.
/// </summary>
public interface IEdgeEstimator
{
    EdgeDecision Decide(in EdgeFeatures features);
}
