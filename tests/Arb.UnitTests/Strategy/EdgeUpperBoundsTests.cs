using Arb.Domain.Books;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Strategy.Edge;

namespace Arb.UnitTests.Strategy;

/// <summary>
/// The best-price bounds must never be below the edges <see cref="EdgeCalculator.Compute"/> gives, whatever the depth
/// walked, and the threshold estimator may claim a hold only when <see cref="ThresholdEdgeEstimator.Decide"/> holds.
/// </summary>
public sealed class EdgeUpperBoundsTests
{
    [Fact]
    public void Bounds_are_at_least_every_computed_edge_and_a_claimed_hold_is_a_hold()
    {
        var random = new Random(5);
        var estimators = new[]
        {
            new ThresholdEdgeEstimator(20m, -10m, allowReverse: true),
            new ThresholdEdgeEstimator(-20m, -30m, allowReverse: false),
            new ThresholdEdgeEstimator(0m, 0m, allowReverse: true),
        };
        var claimed = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var price = Math.Round((decimal)(100 + (random.NextDouble() * 60_000)), 2);
            var spot = Book(MarketCategory.Spot, price, random);
            var perp = Book(MarketCategory.Linear, Math.Round(price * (1m + ((decimal)(random.NextDouble() - 0.5) / 100m)), 2), random);
            var held = random.Next(3) switch { 0 => 0m, 1 => 0.01m, _ => -0.01m };
            var costs = new EdgeCosts(0.001m, 0.00055m, random.Next(2) == 0 ? null : 0.0001m, 1_000_000, 28_800_000, 28_800_000);
            var quantity = Math.Round((decimal)random.NextDouble() * 3m, 3);
            var features = EdgeCalculator.Compute(spot, perp, quantity, held, 1m, costs, 999_000);
            Assert.True(spot.TryGetTop(out var spotBid, out var spotAsk));
            Assert.True(perp.TryGetTop(out var perpBid, out var perpAsk));
            var bounds = EdgeUpperBounds.Of(spotBid, spotAsk, perpBid, perpAsk, held, costs, 999_000);
            AssertAtMost(features.OpenEdgeBps, bounds.OpenEdgeBps);
            AssertAtMost(features.ReverseOpenEdgeBps, bounds.ReverseOpenEdgeBps);
            AssertAtMost(features.CloseEdgeBps, bounds.CloseEdgeBps);
            foreach (var estimator in estimators)
            {
                if (estimator.HoldsBelow(bounds))
                {
                    claimed++;
                    Assert.Equal(EdgeAction.Hold, estimator.Decide(features).Action);
                }
            }
        }

        Assert.True(claimed > 1_000, $"only {claimed} holds claimed");
    }

    private static void AssertAtMost(decimal? edge, double bound)
    {
        if (edge is { } value)
        {
            Assert.True((double)value <= bound, $"edge {value} above its bound {bound}");
        }
    }

    // One to three levels a side around the price, a tick or more apart.
    private static OrderBook Book(MarketCategory category, decimal mid, Random random)
    {
        var book = new OrderBook("BTCUSDT", category, 50);
        var levels = random.Next(1, 4);
        var bids = new PriceLevel[levels];
        var asks = new PriceLevel[levels];
        for (var k = 0; k < levels; k++)
        {
            bids[k] = new PriceLevel(mid - 0.01m - (k * 0.5m), Math.Round((decimal)random.NextDouble() * 2m, 3) + 0.001m);
            asks[k] = new PriceLevel(mid + 0.01m + (k * 0.5m), Math.Round((decimal)random.NextDouble() * 2m, 3) + 0.001m);
        }

        book.ApplySnapshot(bids, asks, 1, 1, 1);
        return book;
    }
}
