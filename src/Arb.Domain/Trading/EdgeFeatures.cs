namespace Arb.Domain.Trading;

/// <summary>
/// What the estimator sees of one symbol at one moment: the edges of the trades it could make now, net of costs,
/// and the state of both books. Edges are in basis points of the spot price; null when the visible depth cannot
/// fill the quantity or there is nothing to close. A readonly struct: computed on every book update without allocating.
/// </summary>
public readonly record struct EdgeFeatures
{
    /// <summary>False when either book is not valid: nothing else may be used then.</summary>
    public bool IsValid { get; init; }

    public long TimestampMs { get; init; }

    /// <summary>The base quantity the open edges are computed for.</summary>
    public decimal OpenQuantity { get; init; }

    /// <summary>Buy spot and sell the perp now: basis captured, minus both taker fees, plus the funding a short perp expects over the horizon.</summary>
    public decimal? OpenEdgeBps { get; init; }

    /// <summary>Sell spot and buy the perp now (only sensible when the spot coin is held): minus fees, minus the funding a long perp pays.</summary>
    public decimal? ReverseOpenEdgeBps { get; init; }

    /// <summary>Unwind the held position now (both legs, taker), minus both fees; null when flat.</summary>
    public decimal? CloseEdgeBps { get; init; }

    /// <summary>Perp mid over spot mid, minus one, in bps.</summary>
    public decimal BasisBps { get; init; }

    public decimal SpotSpreadBps { get; init; }

    public decimal PerpSpreadBps { get; init; }

    /// <summary>(bid size − ask size) / (bid size + ask size) over the best five levels, in [−1, 1].</summary>
    public decimal SpotDepthImbalance { get; init; }

    public decimal PerpDepthImbalance { get; init; }

    /// <summary>The perp's current funding rate per interval (positive: longs pay shorts); 0 when unknown.</summary>
    public decimal FundingRate { get; init; }

    /// <summary>Funding a short perp receives over the holding horizon at the current rate, in bps (negative: pays).</summary>
    public decimal ExpectedShortFundingBps { get; init; }

    /// <summary>Until the next funding settlement; null when unknown.</summary>
    public long? TimeToFundingMs { get; init; }

    /// <summary>Held base quantity: positive = long spot / short perp, negative = the reverse, 0 = flat.</summary>
    public decimal HeldQuantity { get; init; }

    /// <summary>Spot coin the account holds free to sell (what the reverse trade needs).</summary>
    public decimal SpotCoinAvailable { get; init; }

    /// <summary>Volume-weighted prices of the open trade's legs (0 when the depth cannot fill).</summary>
    public decimal SpotBuyPrice { get; init; }

    public decimal PerpSellPrice { get; init; }
}
