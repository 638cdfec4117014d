using Arb.Domain.Books;
using Arb.Domain.Trading;

namespace Arb.Strategy.Edge;

/// <summary>
/// From the two books of one coin and the costs to the edge features. Pure and allocation-free: books are read,
/// not copied, and every result is a value. Edges are basis points of the spot leg's price, exact decimals.
/// </summary>
public static class EdgeCalculator
{
    private const decimal Bps = 10_000m;
    private const int ImbalanceLevels = 5;

    /// <param name="openQuantity">The base quantity a new trade would have.</param>
    /// <param name="heldQuantity">Positive: long spot / short perp held; negative: the reverse; 0: flat.</param>
    /// <param name="spotCoinAvailable">Spot coin held free to sell, for the reverse trade.</param>
    public static EdgeFeatures Compute(
        OrderBook spot, OrderBook perp, decimal openQuantity, decimal heldQuantity, decimal spotCoinAvailable, in EdgeCosts costs, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(spot);
        ArgumentNullException.ThrowIfNull(perp);
        if (!spot.TryGetTop(out var spotBid, out var spotAsk) || !perp.TryGetTop(out var perpBid, out var perpAsk))
        {
            return new EdgeFeatures { IsValid = false, TimestampMs = nowMs };
        }

        var spotMid = (spotBid.Price + spotAsk.Price) / 2m;
        var perpMid = (perpBid.Price + perpAsk.Price) / 2m;
        var fees = (costs.SpotTakerFee + costs.PerpTakerFee) * Bps;
        var rate = costs.FundingRate ?? 0m;
        var shortFunding = rate * costs.SettlementsWithin(nowMs) * Bps;

        // Open: buy spot at the asks, sell the perp at the bids.
        var spotBuy = spot.EstimateBuy(openQuantity);
        var perpSell = perp.EstimateSell(openQuantity);
        decimal? open = null;
        if (openQuantity > 0m && spotBuy.IsComplete && perpSell.IsComplete)
        {
            open = ((perpSell.AveragePrice - spotBuy.AveragePrice) / spotBuy.AveragePrice * Bps) - fees + shortFunding;
        }

        // Reverse: sell spot at the bids, buy the perp at the asks; a long perp pays what a short receives.
        decimal? reverse = null;
        var spotSell = spot.EstimateSell(openQuantity);
        var perpBuy = perp.EstimateBuy(openQuantity);
        if (openQuantity > 0m && spotSell.IsComplete && perpBuy.IsComplete)
        {
            reverse = ((spotSell.AveragePrice - perpBuy.AveragePrice) / spotSell.AveragePrice * Bps) - fees - shortFunding;
        }

        return new EdgeFeatures
        {
            IsValid = true,
            TimestampMs = nowMs,
            OpenQuantity = openQuantity,
            OpenEdgeBps = open,
            ReverseOpenEdgeBps = reverse,
            CloseEdgeBps = CloseEdge(spot, perp, heldQuantity, fees),
            BasisBps = (perpMid - spotMid) / spotMid * Bps,
            SpotSpreadBps = (spotAsk.Price - spotBid.Price) / spotMid * Bps,
            PerpSpreadBps = (perpAsk.Price - perpBid.Price) / perpMid * Bps,
            SpotDepthImbalance = Imbalance(spot),
            PerpDepthImbalance = Imbalance(perp),
            FundingRate = rate,
            ExpectedShortFundingBps = shortFunding,
            TimeToFundingMs = costs.NextFundingTimeMs is { } next ? Math.Max(0, next - nowMs) : null,
            HeldQuantity = heldQuantity,
            SpotCoinAvailable = spotCoinAvailable,
            SpotBuyPrice = spotBuy.IsComplete ? spotBuy.AveragePrice : 0m,
            PerpSellPrice = perpSell.IsComplete ? perpSell.AveragePrice : 0m,
        };
    }

    // Unwinding long spot / short perp sells spot and buys the perp; unwinding the reverse does the opposite.
    // No funding: closing ends it.
    private static decimal? CloseEdge(OrderBook spot, OrderBook perp, decimal held, decimal fees)
    {
        if (held > 0m)
        {
            var spotSell = spot.EstimateSell(held);
            var perpBuy = perp.EstimateBuy(held);
            return spotSell.IsComplete && perpBuy.IsComplete
                ? ((spotSell.AveragePrice - perpBuy.AveragePrice) / spotSell.AveragePrice * Bps) - fees
                : null;
        }

        if (held < 0m)
        {
            var spotBuy = spot.EstimateBuy(-held);
            var perpSell = perp.EstimateSell(-held);
            return spotBuy.IsComplete && perpSell.IsComplete
                ? ((perpSell.AveragePrice - spotBuy.AveragePrice) / spotBuy.AveragePrice * Bps) - fees
                : null;
        }

        return null;
    }

    private static decimal Imbalance(OrderBook book)
    {
        var bids = book.Bids.DepthSize(ImbalanceLevels);
        var asks = book.Asks.DepthSize(ImbalanceLevels);
        var total = bids + asks;
        return total == 0m ? 0m : (bids - asks) / total;
    }
}
