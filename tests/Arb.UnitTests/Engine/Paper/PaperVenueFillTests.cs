using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.UnitTests.Engine.Paper;

public sealed class PaperVenueFillTests
{
    private static (decimal Qty, decimal Price)[] Levels(IEnumerable<Fill> fills) => [.. fills.Select(f => (f.Quantity, f.Price))];

    [Fact]
    public void An_IOC_buy_walks_the_asks_one_fill_per_level_and_stops_at_its_limit()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Linear);

        // 101.5 is beyond the limit; 101 is at it and fills.
        var outcome = f.Submit(MarketCategory.Linear, TradeSide.Buy, 5m, 101m, "b1");

        Assert.Equal(SubmitOutcome.Accepted, outcome);
        var events = f.Drain();
        Assert.Equal([(1m, 100.5m), (2m, 101m)], Levels(events.OfType<Fill>()));
        var final = events.OfType<OrderUpdate>().Last();
        Assert.Equal(OrderStatus.Cancelled, final.Status); // linear: the rest cancelled, fills kept
        Assert.Equal(3m, final.CumExecQty);
        Assert.Equal(100.5m + 202m, final.CumExecValue);
        Assert.Equal(0m, final.LeavesQty);
        Assert.Equal("EC_CancelForNoFullFill", final.RejectReason);
        Assert.Equal(3m, f.Venue.GetPosition("BTCUSDT").Size);
    }

    [Fact]
    public void A_spot_IOC_buy_stopped_by_its_limit_ends_PartiallyFilledCanceled()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Spot);

        f.Submit(MarketCategory.Spot, TradeSide.Buy, 5m, 101.2m, "s1");

        var events = f.Drain();
        Assert.Equal([(1m, 100.5m), (2m, 101m)], Levels(events.OfType<Fill>()));
        var final = events.OfType<OrderUpdate>().Last();
        Assert.Equal(OrderStatus.PartiallyFilledCanceled, final.Status);
        Assert.Equal((5m, 3m, 101.2m), (final.Qty, final.CumExecQty, final.Price));
        Assert.Equal(302.5m / 3m, final.AvgPrice);
        Assert.Equal(10_000m - 302.5m, f.Venue.Balance("USDT"));
        Assert.Equal(3m - 0.003m, f.Venue.Balance("BTC"));
    }

    [Fact]
    public void A_limit_out_of_reach_fills_nothing_and_is_Cancelled_without_a_wallet_change()
    {
        var f = new PaperFixture(btc: 1m);
        f.Feed(MarketCategory.Spot);

        Assert.Equal(SubmitOutcome.Accepted, f.Submit(MarketCategory.Spot, TradeSide.Sell, 0.5m, 100.1m, "s1"));

        var events = f.Drain();
        Assert.Equal([typeof(OrderUpdate), typeof(OrderUpdate)], events.Select(e => e.GetType()));
        var final = (OrderUpdate)events[1];
        Assert.Equal((OrderStatus.Cancelled, 0m, (decimal?)null), (final.Status, final.CumExecQty, final.AvgPrice));
        Assert.Equal("EC_NoImmediateQtyToFill", final.RejectReason);
        Assert.Equal((10_000m, 1m), (f.Venue.Balance("USDT"), f.Venue.Balance("BTC")));
    }

    [Fact]
    public void A_market_sell_walks_the_bids_until_its_quantity_is_filled()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Linear);

        f.Submit(MarketCategory.Linear, TradeSide.Sell, 4m, null, "m1");

        var events = f.Drain();
        Assert.Equal([(1m, 100m), (2m, 99.5m), (1m, 99m)], Levels(events.OfType<Fill>()));
        var final = events.OfType<OrderUpdate>().Last();
        Assert.Equal((OrderStatus.Filled, "Market", 0m, 4m), (final.Status, final.OrderType, final.Price, final.CumExecQty));
        Assert.Equal(-4m, f.Venue.GetPosition("BTCUSDT").Size);
    }

    [Fact]
    public void A_market_order_beyond_the_copied_depth_fills_what_is_there()
    {
        var f = new PaperFixture(depth: 2);
        f.Feed(MarketCategory.Linear);

        f.Submit(MarketCategory.Linear, TradeSide.Buy, 10m, null, "m1");

        var events = f.Drain();
        Assert.Equal([(1m, 100.5m), (2m, 101m)], Levels(events.OfType<Fill>())); // only two levels were copied
        Assert.Equal((OrderStatus.Cancelled, 3m), (events.OfType<OrderUpdate>().Last().Status, events.OfType<OrderUpdate>().Last().CumExecQty));
    }

    [Fact]
    public void Depth_taken_by_one_order_is_gone_for_the_next_until_the_book_updates()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Linear);

        f.Submit(MarketCategory.Linear, TradeSide.Buy, 1.5m, null, "a");
        Assert.Equal([(1m, 100.5m), (0.5m, 101m)], Levels(f.DrainFills()));

        // The best ask is used up: a buy limited to it gets nothing.
        f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, 100.5m, "b");
        Assert.Empty(f.DrainFills());

        f.Submit(MarketCategory.Linear, TradeSide.Buy, 2m, null, "c");
        Assert.Equal([(1.5m, 101m), (0.5m, 101.5m)], Levels(f.DrainFills()));

        // The next message from the exchange brings its book back.
        f.Feed(MarketCategory.Linear);
        f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, 100.5m, "d");
        Assert.Equal([(1m, 100.5m)], Levels(f.DrainFills()));
    }

    [Fact]
    public void The_copy_does_not_follow_the_exchange_book_between_updates()
    {
        var f = new PaperFixture();
        var book = f.Feed(MarketCategory.Linear);

        // The market-data thread mutates its book for the next message, without offering it yet.
        book.ApplyDelta([], [new(100.5m, 0m)], book.UpdateId + 1, 0, 0);

        f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, null, "a");
        Assert.Equal([(1m, 100.5m)], Levels(f.DrainFills()));
    }

    [Fact]
    public void A_spot_buy_pays_its_fee_in_the_base_coin_and_moves_both_balances_exactly()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Spot);

        f.Submit(MarketCategory.Spot, TradeSide.Buy, 0.5m, 100.5m, "b");

        var fill = Assert.Single(f.DrainFills());
        Assert.Equal((0.5m, 100.5m, 0.0005m, "BTC"), (fill.Quantity, fill.Price, fill.Fee, fill.FeeCoin));
        Assert.Equal(10_000m - 50.25m, f.Venue.Balance("USDT"));
        Assert.Equal(0.4995m, f.Venue.Balance("BTC"));
    }

    [Fact]
    public void A_spot_sell_pays_its_fee_in_USDT()
    {
        var f = new PaperFixture(btc: 5m);
        f.Feed(MarketCategory.Spot);

        f.Submit(MarketCategory.Spot, TradeSide.Sell, 4m, null, "s");

        var fills = f.DrainFills();
        Assert.Equal([(1m, 100m), (2m, 99.5m), (1m, 99m)], Levels(fills));
        Assert.All(fills, fill => Assert.Equal("USDT", fill.FeeCoin));
        Assert.Equal([0.1m, 0.199m, 0.099m], fills.Select(fill => fill.Fee));
        Assert.Equal(10_000m + 398m - 0.398m, f.Venue.Balance("USDT"));
        Assert.Equal(1m, f.Venue.Balance("BTC"));
    }

    [Fact]
    public void A_linear_round_trip_realises_the_exact_price_difference_less_both_fees_into_USDT()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Linear);

        f.Submit(MarketCategory.Linear, TradeSide.Sell, 3m, null, "open");   // short 1 @ 100, 2 @ 99.5: 299
        var open = f.DrainFills();
        Assert.All(open, fill => Assert.Equal("USDT", fill.FeeCoin));
        Assert.Equal(299m * PaperFixture.PerpFee, open.Sum(fill => fill.Fee));
        Assert.Equal(10_000m - (299m * PaperFixture.PerpFee), f.Venue.Balance("USDT")); // opening realises nothing

        f.Feed(MarketCategory.Linear, bids: [(97m, 5m)], asks: [(98m, 1m), (98.5m, 5m)]);
        f.Submit(MarketCategory.Linear, TradeSide.Buy, 3m, null, "close", reduceOnly: true); // 1 @ 98, 2 @ 98.5: 295
        var close = f.DrainFills();
        Assert.Equal([(1m, 98m), (2m, 98.5m)], Levels(close));

        var fees = (299m + 295m) * PaperFixture.PerpFee;
        Assert.Equal(10_000m + 4m - fees, f.Venue.Balance("USDT"));
        Assert.Equal(10_003.6733m, f.Venue.Balance("USDT"));
        var position = f.Venue.GetPosition("BTCUSDT");
        Assert.Equal((0m, 0m, 4m, fees, 4m - fees), (position.Size, position.EntryPrice, position.RealisedPnl, position.FeesPaid, position.NetRealisedPnl));
        Assert.Equal(0m, f.Venue.Balance("BTC"));
    }
}
