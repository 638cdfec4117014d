using Arb.Domain.Trading;

namespace Arb.Strategy.Edge;

/// <summary>
/// The baseline decision rule: open when the net open edge reaches <see cref="EntryEdgeBps"/>, close when the net
/// close edge reaches <see cref="ExitEdgeBps"/> (usually negative: the most one accepts to pay to unwind once the
/// basis has come back). The reverse trade is considered only when allowed and the spot coin is held.
/// </summary>
public sealed class ThresholdEdgeEstimator(decimal entryEdgeBps, decimal exitEdgeBps, bool allowReverse) : IBoundedEdgeEstimator
{
    // The thresholds as doubles for the bound check; the bounds' margin covers the conversion.
    private readonly double _entry = (double)entryEdgeBps;
    private readonly double _exit = (double)exitEdgeBps;

    public decimal EntryEdgeBps { get; } = entryEdgeBps;

    public decimal ExitEdgeBps { get; } = exitEdgeBps;

    public bool AllowReverse { get; } = allowReverse;

    public EdgeDecision Decide(in EdgeFeatures features)
    {
        if (!features.IsValid)
        {
            return EdgeDecision.Hold;
        }

        if (features.HeldQuantity != 0m)
        {
            return features.CloseEdgeBps >= ExitEdgeBps ? new EdgeDecision(EdgeAction.Close) : EdgeDecision.Hold;
        }

        if (features.OpenEdgeBps >= EntryEdgeBps)
        {
            return new EdgeDecision(EdgeAction.Open);
        }

        return AllowReverse && features.SpotCoinAvailable >= features.OpenQuantity && features.ReverseOpenEdgeBps >= EntryEdgeBps
            ? new EdgeDecision(EdgeAction.OpenReverse)
            : EdgeDecision.Hold;
    }

    /// <summary>Holding is certain when no bound reaches the threshold <see cref="Decide"/> would compare it with.</summary>
    public bool HoldsBelow(in EdgeBounds bounds) =>
        bounds.HeldQuantity != 0m
            ? bounds.CloseEdgeBps < _exit
            : bounds.OpenEdgeBps < _entry && (!AllowReverse || bounds.ReverseOpenEdgeBps < _entry);
}
