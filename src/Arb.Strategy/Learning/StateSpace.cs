using Arb.Domain.Trading;

namespace Arb.Strategy.Learning;

/// <summary>
/// The learner's view of a symbol: ten features, each cut into a few bins, combined into one state index.
/// Features that mean nothing in the current position are held at bin 0 (the close edge and the time held while flat,
/// the open edge while holding), so the states that occur are a small part of the product.
/// </summary>
public static class StateSpace
{
    public const int Version = 2;

    /// <summary>Net open edge (bps): the return a new position starts from, fees and projected funding included.</summary>
    public static readonly FeatureBins OpenEdge = new("open_edge_bps", [-30, -20, -10, -5, 0, 5, 10, 15, 20, 25, 30, 40]);

    /// <summary>Net close edge (bps): what unwinding now adds to the open edge taken.</summary>
    public static readonly FeatureBins CloseEdge = new("close_edge_bps", [-80, -60, -45, -35, -25, -15, -10, -5, 0, 5]);

    /// <summary>Spot spread at the touch (bps): part of the cost of crossing the books.</summary>
    public static readonly FeatureBins SpotSpread = new("spot_spread_bps", [3, 15]);

    /// <summary>Perp spread at the touch (bps).</summary>
    public static readonly FeatureBins PerpSpread = new("perp_spread_bps", [3, 15]);

    /// <summary>Perp depth imbalance over the top levels, bids minus asks over their sum (−1 to 1).</summary>
    public static readonly FeatureBins Imbalance = new("perp_depth_imbalance", [-0.5, 0.5]);

    /// <summary>Recent basis volatility (bps): an exponentially weighted deviation of tick-to-tick basis changes.</summary>
    public static readonly FeatureBins Volatility = new("basis_volatility_bps", [0.5, 2, 5]);

    /// <summary>Basis trend (bps): a fast average of the basis less a slow one; tells a basis on its way up from one on its way down.</summary>
    public static readonly FeatureBins Trend = new("basis_trend_bps", [-5, 5]);

    /// <summary>Funding a short perp expects over the holding horizon (bps; negative pays).</summary>
    public static readonly FeatureBins Funding = new("expected_funding_bps", [-1, 1]);

    /// <summary>Time to the next funding settlement (hours); unknown counts as far.</summary>
    public static readonly FeatureBins TimeToFunding = new("time_to_funding_h", [1, 4]);

    /// <summary>Seconds the position has been held; 0 while flat.</summary>
    public static readonly FeatureBins TimeHeld = new("time_held_s", [600]);

    /// <summary>Every feature, in the order the state index multiplies them; position (flat or holding) comes first.</summary>
    public static readonly FeatureBins[] Features = [OpenEdge, CloseEdge, SpotSpread, PerpSpread, Imbalance, Volatility, Trend, Funding, TimeToFunding, TimeHeld];

    /// <summary>Flat or holding, times every feature's bins.</summary>
    public static readonly int StateCount = 2 * Features.Aggregate(1, (n, f) => n * f.Count);

    /// <summary>The state index of the features as the learner sees them.</summary>
    public static int Encode(in EdgeFeatures features, bool holding, double volatilityBps, double trendBps, double heldSeconds)
    {
        var open = holding ? 0 : OpenEdge.Index(features.OpenEdgeBps is { } o ? (double)o : double.NegativeInfinity);
        var close = holding ? CloseEdge.Index(features.CloseEdgeBps is { } c ? (double)c : double.NegativeInfinity) : 0;
        var spotSpread = SpotSpread.Index((double)features.SpotSpreadBps);
        var perpSpread = PerpSpread.Index((double)features.PerpSpreadBps);
        var imbalance = Imbalance.Index((double)features.PerpDepthImbalance);
        var volatility = Volatility.Index(volatilityBps);
        var trend = Trend.Index(trendBps);
        var funding = Funding.Index((double)features.ExpectedShortFundingBps);
        var toFunding = TimeToFunding.Index(features.TimeToFundingMs is { } ms ? ms / 3_600_000.0 : double.PositiveInfinity);
        var held = holding ? TimeHeld.Index(heldSeconds) : 0;

        var index = holding ? 1 : 0;
        index = (index * OpenEdge.Count) + open;
        index = (index * CloseEdge.Count) + close;
        index = (index * SpotSpread.Count) + spotSpread;
        index = (index * PerpSpread.Count) + perpSpread;
        index = (index * Imbalance.Count) + imbalance;
        index = (index * Volatility.Count) + volatility;
        index = (index * Trend.Count) + trend;
        index = (index * Funding.Count) + funding;
        index = (index * TimeToFunding.Count) + toFunding;
        return (index * TimeHeld.Count) + held;
    }
}
