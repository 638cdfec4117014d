using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.UnitTests.Engine.Paper;

public sealed class PaperVenueRejectionTests
{
    [Fact]
    public void A_spot_buy_without_the_USDT_for_its_limit_is_rejected_with_a_reason_and_a_Rejected_event()
    {
        var f = new PaperFixture(usdt: 100m);
        f.Feed(MarketCategory.Spot);

        var outcome = f.Submit(MarketCategory.Spot, TradeSide.Buy, 1m, 101m, "b1");

        Assert.Equal(SubmitStatus.Rejected, outcome.Status);
        Assert.Equal("insufficient USDT balance: the order needs 101, the account has 100", outcome.Reason);
        var update = Assert.IsType<OrderUpdate>(Assert.Single(f.Drain()));
        Assert.Equal((OrderStatus.Rejected, "b1", 1m, 0m), (update.Status, update.OrderLinkId, update.Qty, update.CumExecQty));
        Assert.Equal(outcome.Reason, update.RejectReason);
        Assert.Equal((100m, 0m), (f.Venue.Balance("USDT"), f.Venue.Balance("BTC")));

        // Nothing was taken from the book, and a market buy needs only what its walk costs (0.99 × 100.5 = 99.495).
        Assert.Equal(SubmitOutcome.Accepted, f.Submit(MarketCategory.Spot, TradeSide.Buy, 0.99m, null, "b2"));
        Assert.Equal((0.99m, 100.5m), f.DrainFills().Select(fill => (fill.Quantity, fill.Price)).Single());
        Assert.Equal(100m - 99.495m, f.Venue.Balance("USDT"));
    }

    [Fact]
    public void A_spot_sell_of_more_coin_than_held_is_rejected()
    {
        var f = new PaperFixture(btc: 0.5m);
        f.Feed(MarketCategory.Spot);

        var outcome = f.Submit(MarketCategory.Spot, TradeSide.Sell, 0.6m, null, "s1");

        Assert.Equal(SubmitStatus.Rejected, outcome.Status);
        Assert.StartsWith("insufficient BTC balance", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0.5m, f.Venue.Balance("BTC"));
    }

    [Fact]
    public void An_invalidated_book_rejects_orders_until_the_next_valid_book()
    {
        var f = new PaperFixture();
        var book = f.Feed(MarketCategory.Linear);
        book.MarkStale("gap");
        f.Venue.BookFeed.OnBookInvalidated(book, "gap");

        var outcome = f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, null, "a");

        Assert.Equal(SubmitOutcome.Rejected("book stale: gap"), outcome);
        Assert.Equal(OrderStatus.Rejected, Assert.IsType<OrderUpdate>(Assert.Single(f.Drain())).Status);

        f.Feed(MarketCategory.Linear);
        Assert.Equal(SubmitOutcome.Accepted, f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, null, "b"));
    }

    [Fact]
    public void An_instrument_never_fed_a_book_is_rejected()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Spot);
        f.Venue.BookFeed.OnTickerUpdated(new InstrumentTicker("ETHUSDT", MarketCategory.Linear) { MarkPrice = 3_000m });

        var linear = f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, null, "a");       // only spot BTCUSDT has a book
        var ticker = f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, null, "b", symbol: "ETHUSDT"); // a ticker is no book

        Assert.Equal(SubmitOutcome.Rejected("unknown instrument: no linear BTCUSDT book received"), linear);
        Assert.Equal(SubmitOutcome.Rejected("unknown instrument: no linear ETHUSDT book received"), ticker);
        Assert.All(f.Drain(), e => Assert.Equal(OrderStatus.Rejected, Assert.IsType<OrderUpdate>(e).Status));
    }

    [Fact]
    public async Task A_reused_orderLinkId_is_rejected_without_touching_the_first_order()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Linear);
        f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, null, "dup");
        f.Drain();

        var outcome = f.Submit(MarketCategory.Linear, TradeSide.Sell, 1m, null, "dup");

        Assert.Equal(SubmitOutcome.Rejected("duplicate orderLinkId"), outcome);
        Assert.Empty(f.Drain()); // an event under this id would read as news about the first order
        var report = await f.Venue.QueryOrderAsync(MarketCategory.Linear, "BTCUSDT", "dup", TestContext.Current.CancellationToken);
        Assert.Equal((OrderStatus.Filled, 1m), (report!.Status, report.FilledQuantity));
        Assert.Equal(1m, f.Venue.GetPosition("BTCUSDT").Size);
    }

    [Fact]
    public void A_reduce_only_order_that_would_open_or_add_is_refused_and_a_larger_one_is_trimmed()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Linear);

        var fromFlat = f.Submit(MarketCategory.Linear, TradeSide.Sell, 1m, null, "r1", reduceOnly: true);
        Assert.Equal(SubmitStatus.Rejected, fromFlat.Status);
        Assert.Contains("would increase", fromFlat.Reason, StringComparison.Ordinal);

        f.Submit(MarketCategory.Linear, TradeSide.Buy, 2m, null, "open"); // long 2
        var adding = f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, null, "r2", reduceOnly: true);
        Assert.Equal(SubmitStatus.Rejected, adding.Status);
        f.Drain();

        Assert.Equal(SubmitOutcome.Accepted, f.Submit(MarketCategory.Linear, TradeSide.Sell, 5m, null, "r3", reduceOnly: true));
        var final = f.Drain().OfType<OrderUpdate>().Last();
        Assert.Equal((OrderStatus.Filled, 2m, 2m), (final.Status, final.Qty, final.CumExecQty));
        Assert.Equal(0m, f.Venue.GetPosition("BTCUSDT").Size);
    }

    [Fact]
    public void Nonsense_intents_are_rejected()
    {
        var f = new PaperFixture();
        f.Feed(MarketCategory.Linear);

        Assert.Equal(SubmitStatus.Rejected, f.Submit(MarketCategory.Linear, TradeSide.Buy, 0m, null, "q0").Status);
        Assert.Equal(SubmitStatus.Rejected, f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, -1m, "p0").Status);
        Assert.Equal(SubmitStatus.Rejected, f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, null, "").Status);
        Assert.Equal(0m, f.Venue.GetPosition("BTCUSDT").Size);
    }
}
