using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.UnitTests.Engine.Paper;

public sealed class PaperVenueEventTests
{
    [Fact]
    public void A_linear_order_emits_New_each_fill_the_final_state_the_position_then_the_wallet_before_returning()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Linear);

        f.Submit(MarketCategory.Linear, TradeSide.Sell, 2m, 99.5m, "link-1");

        var events = f.Drain();
        Assert.Equal(
            [typeof(OrderUpdate), typeof(Fill), typeof(Fill), typeof(OrderUpdate), typeof(PositionUpdate), typeof(WalletUpdate)],
            events.Select(e => e.GetType()));
        var now = f.NowMs;

        var created = (OrderUpdate)events[0];
        Assert.Equal((OrderStatus.New, "paper-o-1", "link-1", 2m, 2m, 99.5m, "Limit"), (created.Status, created.OrderId, created.OrderLinkId, created.Qty, created.LeavesQty, created.Price, created.OrderType));
        Assert.Equal(now, created.UpdatedTimeMs);

        var first = (Fill)events[1];
        var second = (Fill)events[2];
        Assert.Equal(("paper-e-1", 1m, 100m, 0.055m), (first.ExecId, first.Quantity, first.Price, first.Fee));
        Assert.Equal(("paper-e-2", 1m, 99.5m, 0.054725m), (second.ExecId, second.Quantity, second.Price, second.Fee));
        Assert.All([first, second], fill => Assert.Equal(("BTCUSDT", MarketCategory.Linear, TradeSide.Sell, "link-1", now), (fill.Symbol, fill.Category, fill.Side, fill.OrderLinkId, fill.TimestampMs)));

        var filled = (OrderUpdate)events[3];
        Assert.Equal((OrderStatus.Filled, "paper-o-1", 2m, 199.5m, 0.109725m, 0m, (decimal?)99.75m), (filled.Status, filled.OrderId, filled.CumExecQty, filled.CumExecValue, filled.CumExecFee, filled.LeavesQty, filled.AvgPrice));

        // No ticker yet: valued at the last fill price, 99.5; the lot sold at 100 shows +0.5.
        var position = (PositionUpdate)events[4];
        Assert.Equal(("BTCUSDT", -2m, 99.75m, 99.5m, 0.5m, -0.109725m), (position.Symbol, position.Size, position.EntryPrice, position.MarkPrice, position.UnrealisedPnl, position.CumRealisedPnl));

        var coin = Assert.Single(((WalletUpdate)events[5]).Coins);
        Assert.Equal(("USDT", 10_000m - 0.109725m, 0m, 10_000m - 0.109725m + 0.5m), (coin.Coin, coin.WalletBalance, coin.Locked, coin.Equity));
        Assert.Equal(now, ((WalletUpdate)events[5]).TimestampMs);
    }

    [Fact]
    public void Positions_are_valued_at_the_tickers_mark_once_one_arrived()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Linear);
        f.Venue.BookFeed.OnTickerUpdated(new InstrumentTicker("BTCUSDT", MarketCategory.Linear) { MarkPrice = 99m });

        f.Submit(MarketCategory.Linear, TradeSide.Sell, 3m, null, "a"); // short 1 @ 100, 2 @ 99.5

        var position = f.Drain().OfType<PositionUpdate>().Single();
        Assert.Equal((99m, 2m), (position.MarkPrice, position.UnrealisedPnl)); // 1 × 1 + 2 × 0.5
    }

    [Fact]
    public void A_spot_order_reports_both_coins_and_no_position()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Spot);

        f.Submit(MarketCategory.Spot, TradeSide.Buy, 1m, null, "a");

        var events = f.Drain();
        Assert.Equal([typeof(OrderUpdate), typeof(Fill), typeof(OrderUpdate), typeof(WalletUpdate)], events.Select(e => e.GetType()));
        var coins = ((WalletUpdate)events[3]).Coins;
        Assert.Equal([("BTC", 0.999m), ("USDT", 9_899.5m)], coins.Select(c => (c.Coin, c.WalletBalance)));
    }

    [Fact]
    public void Timestamps_follow_the_injected_clock_and_ids_keep_counting_across_orders()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Linear);
        f.Submit(MarketCategory.Linear, TradeSide.Buy, 1.5m, null, "a");
        f.Time.Advance(TimeSpan.FromSeconds(3));

        f.Submit(MarketCategory.Linear, TradeSide.Sell, 1m, null, "b");

        var events = f.Drain();
        Assert.Equal(["paper-e-1", "paper-e-2", "paper-e-3"], events.OfType<Fill>().Select(fill => fill.ExecId));
        Assert.Equal(["paper-o-1", "paper-o-2"], events.OfType<OrderUpdate>().Select(u => u.OrderId).Distinct());
        Assert.Equal(PaperFixture.Start.AddSeconds(3).ToUnixTimeMilliseconds(), events.OfType<Fill>().Last().TimestampMs);
    }

    [Fact]
    public async Task Query_returns_the_orders_status_and_all_its_fills_by_link_id()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Spot);
        var ct = TestContext.Current.CancellationToken;
        f.Submit(MarketCategory.Spot, TradeSide.Buy, 5m, 101.2m, "q1");
        var emitted = f.DrainFills();

        var report = await f.Venue.QueryOrderAsync(MarketCategory.Spot, "BTCUSDT", "q1", ct);

        Assert.NotNull(report);
        Assert.Equal(("q1", OrderStatus.PartiallyFilledCanceled, 3m, true), (report.OrderLinkId, report.Status, report.FilledQuantity, report.IsClosed));
        Assert.Equal(emitted, report.Fills);
        Assert.Equal(report.FilledQuantity, report.Fills.Sum(fill => fill.Quantity));
        Assert.Null(await f.Venue.QueryOrderAsync(MarketCategory.Spot, "BTCUSDT", "never-sent", ct));
        Assert.Null(await f.Venue.QueryOrderAsync(MarketCategory.Linear, "BTCUSDT", "q1", ct));
        Assert.Null(await f.Venue.QueryOrderAsync(MarketCategory.Spot, "ETHUSDT", "q1", ct));
    }

    [Fact]
    public async Task A_rejected_order_is_queryable_as_Rejected_and_nothing_can_be_cancelled()
    {
        var f = new PaperFixture(usdt: 0m);
        f.Feed(MarketCategory.Spot);
        var ct = TestContext.Current.CancellationToken;
        f.Submit(MarketCategory.Spot, TradeSide.Buy, 1m, null, "poor");

        var report = await f.Venue.QueryOrderAsync(MarketCategory.Spot, "BTCUSDT", "poor", ct);

        Assert.Equal((OrderStatus.Rejected, 0m), (report!.Status, report.FilledQuantity));
        Assert.Empty(report.Fills);
        Assert.False(await f.Venue.CancelAsync(MarketCategory.Spot, "BTCUSDT", "poor", ct));
        Assert.False(await f.Venue.CancelAsync(MarketCategory.Spot, "BTCUSDT", "never-sent", ct));
    }
}
