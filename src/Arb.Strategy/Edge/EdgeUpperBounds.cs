using Arb.Domain.Books;
using Arb.Domain.Trading;

namespace Arb.Strategy.Edge;

/// <summary>
/// Cheap upper bounds of the edges <see cref="EdgeCalculator.Compute"/> would give, from the best prices alone, in
/// doubles. A walk buys at or above the best ask and sells at or below the best bid, and each edge rises with the
/// price sold at and falls with the price bought at, so the best prices bound every quantity's edge. The margin
/// (far above the doubles' rounding at any realistic price and the decimals' 28-digit rounding) keeps them bounds.
/// </summary>
public static class EdgeUpperBounds
{
    private const double Bps = 10_000;
    private const decimal DecimalBps = 10_000m;
    private const double AbsoluteMarginBps = 1e-6;
    private const double RelativeMargin = 1e-9;

    /// <summary>The bounds for <paramref name="heldQuantity"/> (see <see cref="EdgeCalculator.Compute"/>) at <paramref name="nowMs"/>.</summary>
    public static EdgeBounds Of(
        in PriceLevel spotBid, in PriceLevel spotAsk, in PriceLevel perpBid, in PriceLevel perpAsk, decimal heldQuantity, in EdgeCosts costs, long nowMs) =>
        Of(spotBid, spotAsk, perpBid, perpAsk, heldQuantity, FeesBps(costs), ShortFundingBps(costs, costs.SettlementsWithin(nowMs)));

    /// <summary>Both legs' taker fees in bps, as <see cref="Of(in PriceLevel, in PriceLevel, in PriceLevel, in PriceLevel, decimal, in EdgeCosts, long)"/> uses them.</summary>
    public static double FeesBps(in EdgeCosts costs) =>
        // The same decimals as the features', then one rounding to double each.
        (double)((costs.SpotTakerFee + costs.PerpTakerFee) * DecimalBps);

    /// <summary>The funding a short perp receives over <paramref name="settlements"/> settlements, in bps (<see cref="EdgeCosts.SettlementsWithin"/>).</summary>
    public static double ShortFundingBps(in EdgeCosts costs, int settlements) =>
        (double)((costs.FundingRate ?? 0m) * settlements * DecimalBps);

    /// <summary>
    /// The bounds from the best prices and costs already in bps (<see cref="FeesBps"/>, <see cref="ShortFundingBps"/>):
    /// for a caller that keeps them while the costs and the number of settlements ahead do not change.
    /// </summary>
    public static EdgeBounds Of(
        in PriceLevel spotBid, in PriceLevel spotAsk, in PriceLevel perpBid, in PriceLevel perpAsk, decimal heldQuantity, double fees, double shortFunding)
    {
        // Buy spot, sell perp (the open, and the close of a reverse position); sell spot, buy perp (the reverse open and the close).
        var buySpotSellPerp = (((double)perpBid.Price / (double)spotAsk.Price) - 1) * Bps;
        var sellSpotBuyPerp = (1 - ((double)perpAsk.Price / (double)spotBid.Price)) * Bps;
        var close = heldQuantity > 0m ? sellSpotBuyPerp - fees
            : heldQuantity < 0m ? buySpotSellPerp - fees
            : double.NegativeInfinity;
        return new EdgeBounds(
            Widen(buySpotSellPerp - fees + shortFunding),
            Widen(sellSpotBuyPerp - fees - shortFunding),
            Widen(close),
            heldQuantity);
    }

    // NaN (a zero price) widens to +infinity: no bound, so nothing is skipped; -infinity (no edge) stays.
    private static double Widen(double bps) =>
        double.IsNaN(bps) ? double.PositiveInfinity
        : double.IsInfinity(bps) ? bps
        : bps + AbsoluteMarginBps + (Math.Abs(bps) * RelativeMargin);
}
