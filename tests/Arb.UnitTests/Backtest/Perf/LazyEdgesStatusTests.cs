using Arb.Domain.Books;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Strategy.Edge;
using Arb.UnitTests.Engine.Trading;

namespace Arb.UnitTests.Backtest.Perf;

/// <summary>
/// A trader whose estimator lets it skip the edge features (one-level books, a sure hold) must decide and show the
/// same as one whose estimator does not: the status computes the skipped features from what the update kept.
/// </summary>
public sealed class LazyEdgesStatusTests
{
    [Fact]
    public void Skipping_trader_decides_and_shows_the_same_edges_as_the_full_path()
    {
        var threshold = new ThresholdEdgeEstimator(20m, -10m, allowReverse: true);
        var skipping = TraderFixture.Trader(threshold, spotCoin: 1m);
        var full = TraderFixture.Trader(new FullPathEstimator(threshold), spotCoin: 1m);
        var random = new Random(9);
        var spot = new OrderBook(TraderFixture.Symbol, MarketCategory.Spot, 1);
        var perp = new OrderBook(TraderFixture.Symbol, MarketCategory.Linear, 1);
        var now = TraderFixture.Now;
        for (var i = 0; i < 2_000; i++)
        {
            now += 7;
            var book = i % 2 == 0 ? spot : perp;
            var bid = Math.Round(100m + ((decimal)random.NextDouble() * (i % 2 == 0 ? 0.2m : 0.6m)), 2);
            book.ApplySnapshot([new PriceLevel(bid, 2m)], [new PriceLevel(bid + 0.01m, 3m)], i + 1, i + 1, now);
            var a = skipping.OnBookUpdated(book, now);
            var b = full.OnBookUpdated(book, now);
            Assert.Equal(b is null, a is null);
            if (a is not null)
            {
                skipping.Completed(a);
                full.Completed(b!);
            }

            if (i % 3 == 0)
            {
                Assert.Equal(full.Status(now), skipping.Status(now));
            }
        }
    }

    // Decides like the threshold estimator but without the bound capability: always the full path.
    private sealed class FullPathEstimator(IEdgeEstimator inner) : IEdgeEstimator
    {
        public EdgeDecision Decide(in EdgeFeatures features) => inner.Decide(features);
    }
}
