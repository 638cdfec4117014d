using Arb.Domain.Books;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Strategy.Edge;

namespace Arb.UnitTests.Strategy.Edge;

public sealed class EdgeCalculatorTests
{
    private const long Now = 1_767_225_600_000;
    private const long Hour = 3_600_000;

    // Spot 99.9 / 100, perp 100.5 / 100.6; deeper levels make larger trades walk the book.
    private static (OrderBook Spot, OrderBook Perp) Books()
    {
        var spot = new OrderBook("BTCUSDT", MarketCategory.Spot, 50);
        spot.ApplySnapshot([new(99.9m, 1m), new(99.8m, 2m)], [new(100m, 1m), new(100.2m, 3m)], 1, 1, Now);
        var perp = new OrderBook("BTCUSDT", MarketCategory.Linear, 50);
        perp.ApplySnapshot([new(100.5m, 1m), new(100.3m, 3m)], [new(100.6m, 1m), new(100.8m, 2m)], 1, 1, Now);
        return (spot, perp);
    }

    // Spot 0.1 % and perp 0.055 % taker: 15.5 bps for two legs. Funding 0.01 % settling in an hour, 8 h interval.
    private static EdgeCosts Costs(long horizonMs = 8 * Hour, decimal? rate = 0.0001m, long? next = Now + Hour) =>
        new(0.001m, 0.00055m, rate, next, 8 * Hour, horizonMs);

    [Fact]
    public void Open_edge_is_the_basis_at_the_depth_weighted_prices_minus_fees_plus_short_funding()
    {
        var (spot, perp) = Books();

        var f = EdgeCalculator.Compute(spot, perp, openQuantity: 1m, heldQuantity: 0m, spotCoinAvailable: 0m, Costs(), Now);

        Assert.True(f.IsValid);
        Assert.Equal(35.5m, f.OpenEdgeBps);            // (100.5 − 100) / 100 = 50 bps − 15.5 + 1 funding
        Assert.Equal(1m, f.ExpectedShortFundingBps);
        Assert.Equal(100m, f.SpotBuyPrice);
        Assert.Equal(100.5m, f.PerpSellPrice);
        Assert.Equal(Hour, f.TimeToFundingMs);
        Assert.Null(f.CloseEdgeBps);
    }

    [Fact]
    public void A_larger_trade_walks_both_books()
    {
        var (spot, perp) = Books();

        var f = EdgeCalculator.Compute(spot, perp, 2m, 0m, 0m, Costs(), Now);

        // Spot buys 1 @ 100 + 1 @ 100.2 = 100.1; perp sells 1 @ 100.5 + 1 @ 100.3 = 100.4: 0.3 / 100.1.
        Assert.Equal(100.1m, f.SpotBuyPrice);
        Assert.Equal(100.4m, f.PerpSellPrice);
        Assert.Equal(15.4700299700m, Math.Round(f.OpenEdgeBps!.Value, 10));
    }

    [Fact]
    public void No_open_edge_when_the_visible_depth_cannot_fill_the_quantity()
    {
        var (spot, perp) = Books();

        var f = EdgeCalculator.Compute(spot, perp, 5m, 0m, 0m, Costs(), Now);

        Assert.True(f.IsValid);
        Assert.Null(f.OpenEdgeBps);     // spot asks hold 4
        Assert.Null(f.ReverseOpenEdgeBps);
        Assert.Equal(0m, f.SpotBuyPrice);
    }

    [Fact]
    public void Reverse_and_close_edges_price_the_other_sides_and_funding_the_right_way()
    {
        var (spot, perp) = Books();

        var longBasis = EdgeCalculator.Compute(spot, perp, 1m, heldQuantity: 1m, 0m, Costs(), Now);
        var shortBasis = EdgeCalculator.Compute(spot, perp, 1m, heldQuantity: -1m, 0m, Costs(), Now);

        // Sell spot 99.9, buy perp 100.6: (99.9 − 100.6) / 99.9 = −70.07007007 bps.
        Assert.Equal(-86.5700700701m, Math.Round(longBasis.ReverseOpenEdgeBps!.Value, 10)); // − 15.5 fees − 1 funding paid
        Assert.Equal(-85.5700700701m, Math.Round(longBasis.CloseEdgeBps!.Value, 10));       // closing: fees only
        Assert.Equal(34.5m, shortBasis.CloseEdgeBps);                                       // buy spot 100, sell perp 100.5
    }

    [Fact]
    public void Book_features_describe_basis_spreads_and_imbalance()
    {
        var (spot, perp) = Books();

        var f = EdgeCalculator.Compute(spot, perp, 1m, 0m, 0m, Costs(), Now);

        Assert.Equal(60.0300150075m, Math.Round(f.BasisBps, 10));        // mids 99.95 and 100.55
        Assert.Equal(10.0050025013m, Math.Round(f.SpotSpreadBps, 10));
        Assert.Equal(9.9453008454m, Math.Round(f.PerpSpreadBps, 10));
        Assert.Equal(-1m / 7m, f.SpotDepthImbalance);                    // bids 3, asks 4
        Assert.Equal(1m / 7m, f.PerpDepthImbalance);                     // bids 4, asks 3
        Assert.Equal(0.0001m, f.FundingRate);
    }

    [Theory]
    [InlineData(8, 1, 1)]      // the next settlement (in 1 h) only
    [InlineData(16, 1, 2)]     // and the one 8 h later
    [InlineData(1, 2, 0)]      // the next settlement is beyond a 1 h horizon
    public void Funding_counts_the_settlements_within_the_horizon(int horizonHours, int nextInHours, int settlements)
    {
        var costs = Costs(horizonHours * Hour, next: Now + (nextInHours * Hour));

        Assert.Equal(settlements, costs.SettlementsWithin(Now));
    }

    [Fact]
    public void Unknown_funding_counts_as_none_and_a_stale_book_gives_invalid_features()
    {
        var (spot, perp) = Books();

        var noFunding = EdgeCalculator.Compute(spot, perp, 1m, 0m, 0m, Costs(rate: null, next: null), Now);
        perp.MarkStale("gap");
        var stale = EdgeCalculator.Compute(spot, perp, 1m, 0m, 0m, Costs(), Now);

        Assert.Equal(34.5m, noFunding.OpenEdgeBps);
        Assert.Null(noFunding.TimeToFundingMs);
        Assert.False(stale.IsValid);
        Assert.Null(stale.OpenEdgeBps);
    }

    [Fact]
    public void Threshold_estimator_opens_closes_and_reverses_only_when_allowed_and_the_coin_is_held()
    {
        var estimator = new ThresholdEdgeEstimator(entryEdgeBps: 20m, exitEdgeBps: -5m, allowReverse: true);
        EdgeFeatures Flat(decimal? open, decimal? reverse = null, decimal coin = 0m) =>
            new() { IsValid = true, OpenQuantity = 1m, OpenEdgeBps = open, ReverseOpenEdgeBps = reverse, SpotCoinAvailable = coin };

        Assert.Equal(EdgeAction.Open, estimator.Decide(Flat(20m)).Action);
        Assert.Equal(EdgeAction.Hold, estimator.Decide(Flat(19.99m)).Action);
        Assert.Equal(EdgeAction.Hold, estimator.Decide(Flat(null)).Action);
        Assert.Equal(EdgeAction.OpenReverse, estimator.Decide(Flat(0m, reverse: 25m, coin: 1m)).Action);
        Assert.Equal(EdgeAction.Hold, estimator.Decide(Flat(0m, reverse: 25m, coin: 0.5m)).Action);
        Assert.Equal(EdgeAction.Hold, new ThresholdEdgeEstimator(20m, -5m, allowReverse: false).Decide(Flat(0m, 25m, 1m)).Action);
        Assert.Equal(EdgeAction.Close, estimator.Decide(new EdgeFeatures { IsValid = true, HeldQuantity = 1m, CloseEdgeBps = -5m }).Action);
        Assert.Equal(EdgeAction.Hold, estimator.Decide(new EdgeFeatures { IsValid = true, HeldQuantity = 1m, CloseEdgeBps = -5.01m }).Action);
        Assert.Equal(EdgeAction.Hold, estimator.Decide(new EdgeFeatures { IsValid = false, OpenEdgeBps = 100m }).Action);
    }
}
