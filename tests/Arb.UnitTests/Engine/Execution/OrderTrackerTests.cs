using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;

namespace Arb.UnitTests.Engine.Execution;

public sealed class OrderTrackerTests
{
    private static OrderIntent Intent(string link = "arb-x-1s", decimal qty = 2m) =>
        new(MarketCategory.Spot, "BTCUSDT", TradeSide.Buy, qty, 100m, link);

    private static Fill Fill(string exec, decimal qty, string link = "arb-x-1s") =>
        new("BTCUSDT", MarketCategory.Spot, TradeSide.Buy, qty, 100m, 0m, "BTC", link, exec, 1);

    // Where accepted fills go; the tracker books each one before crediting it to its order.
    private readonly RecordingFillBook Books = new();

    private static OrderUpdate Update(OrderStatus status, decimal cum, string link = "arb-x-1s", string reason = "EC_NoError") =>
        new(MarketCategory.Spot, "BTCUSDT", "o-1", link, TradeSide.Buy, "Limit", status, 2m, 100m, cum == 0m ? null : 100m, cum, cum * 100m, 0m, 0m, reason, 1);

    [Fact]
    public void A_fill_is_booked_before_its_order_settles_so_a_finished_execution_always_finds_it_in_the_portfolio()
    {
        var tracker = new OrderTracker();
        var order = tracker.Track(Intent(), 0m, 100m);
        tracker.OnOrderUpdate(Update(OrderStatus.Filled, 2m));
        var settledWhenBooked = new List<bool>();
        var book = new ProbeBook(() => settledWhenBooked.Add(order.IsSettled));

        tracker.TryAcceptFill(Fill("e1", 2m), book, out _);

        Assert.Equal([false], settledWhenBooked);
        Assert.True(order.IsSettled);
    }

    private sealed class ProbeBook(Action onBook) : IFillBook
    {
        public void Book(Fill fill, TrackedOrder? order) => onBook();
    }

    [Fact]
    public void A_fill_reported_by_the_stream_and_again_by_REST_is_accepted_once()
    {
        var tracker = new OrderTracker();
        var order = tracker.Track(Intent(), 30m, 100m);

        Assert.True(tracker.TryAcceptFill(Fill("e1", 1.5m), Books, out var owner));
        Assert.Same(order, owner);
        Assert.False(tracker.TryAcceptFill(Fill("e1", 1.5m), Books, out _)); // a reconnect replays it

        var fresh = tracker.ApplyReport(new VenueOrderReport("arb-x-1s", OrderStatus.PartiallyFilledCanceled, 2m, [Fill("e1", 1.5m), Fill("e2", 0.5m)]), Books);

        Assert.Equal(["e2"], fresh.Select(f => f.ExecId));
        Assert.Equal(2m, order.FilledQuantity);
        Assert.True(order.IsSettled);
    }

    [Fact]
    public void The_closing_status_before_the_fills_settles_only_once_every_fill_arrived()
    {
        var tracker = new OrderTracker();
        var order = tracker.Track(Intent(), 0m, 100m);

        tracker.OnOrderUpdate(Update(OrderStatus.Filled, 2m));
        Assert.False(order.IsSettled);
        Assert.Equal(2m, order.ClosedWithQuantity);

        tracker.TryAcceptFill(Fill("e1", 1.2m), Books, out _);
        Assert.False(order.IsSettled);
        tracker.TryAcceptFill(Fill("e2", 0.8m), Books, out _);
        Assert.True(order.IsSettled);
        Assert.True(order.Settled.IsCompletedSuccessfully);
    }

    [Fact]
    public void The_fills_before_the_closing_status_settle_only_when_the_status_arrives()
    {
        var tracker = new OrderTracker();
        var order = tracker.Track(Intent(), 0m, 100m);

        tracker.TryAcceptFill(Fill("e1", 2m), Books, out _);
        Assert.False(order.IsSettled); // the venue has not said it is done

        tracker.OnOrderUpdate(Update(OrderStatus.New, 0m));
        tracker.OnOrderUpdate(Update(OrderStatus.PartiallyFilled, 2m));
        Assert.False(order.IsSettled); // open statuses tell nothing final

        tracker.OnOrderUpdate(Update(OrderStatus.Filled, 2m));
        Assert.True(order.IsSettled);
        Assert.Null(order.Reason);
    }

    [Fact]
    public void A_replayed_fill_does_not_count_twice_toward_the_venues_total()
    {
        var tracker = new OrderTracker();
        var order = tracker.Track(Intent(), 0m, 100m);
        tracker.OnOrderUpdate(Update(OrderStatus.PartiallyFilledCanceled, 1.5m, reason: "EC_CancelForNoFullFill"));

        tracker.TryAcceptFill(Fill("e1", 1m), Books, out _);
        tracker.TryAcceptFill(Fill("e1", 1m), Books, out _);

        Assert.Equal(1m, order.FilledQuantity);
        Assert.False(order.IsSettled); // half a lot is still missing

        tracker.TryAcceptFill(Fill("e2", 0.5m), Books, out _);
        Assert.True(order.IsSettled);
        Assert.Equal("EC_CancelForNoFullFill", order.Reason);
    }

    [Fact]
    public void A_closed_order_with_nothing_filled_settles_at_once()
    {
        var tracker = new OrderTracker();
        var order = tracker.Track(Intent(), 0m, 100m);

        tracker.OnOrderUpdate(Update(OrderStatus.Cancelled, 0m, reason: "EC_NoImmediateQtyToFill"));

        Assert.True(order.IsSettled);
        Assert.Equal(0m, order.FilledQuantity);
        Assert.Equal("EC_NoImmediateQtyToFill", order.Reason);
    }

    [Fact]
    public void The_first_close_wins_a_later_report_cannot_move_the_target()
    {
        var tracker = new OrderTracker();
        var order = tracker.Track(Intent(), 0m, 100m);

        tracker.MarkRejected(order, "insufficient balance");
        tracker.OnOrderUpdate(Update(OrderStatus.Filled, 2m, reason: "later"));

        Assert.True(order.IsSettled);
        Assert.Equal(0m, order.ClosedWithQuantity);
        Assert.Equal("insufficient balance", order.Reason);
    }

    [Fact]
    public void A_REST_report_of_an_open_order_books_its_fills_but_does_not_settle_it()
    {
        var tracker = new OrderTracker();
        var order = tracker.Track(Intent(), 0m, 100m);

        var fresh = tracker.ApplyReport(new VenueOrderReport("arb-x-1s", OrderStatus.PartiallyFilled, 1m, [Fill("e1", 1m)]), Books);

        Assert.Single(fresh);
        Assert.False(order.IsSettled);
        Assert.Null(order.ClosedWithQuantity);
    }

    [Fact]
    public void A_closed_REST_report_whose_fill_list_lags_does_not_settle_until_the_rest_arrives()
    {
        var tracker = new OrderTracker();
        var order = tracker.Track(Intent(), 0m, 100m);

        tracker.ApplyReport(new VenueOrderReport("arb-x-1s", OrderStatus.Filled, 2m, [Fill("e1", 1m)]), Books);
        Assert.False(order.IsSettled);

        tracker.TryAcceptFill(Fill("e2", 1m), Books, out _);
        Assert.True(order.IsSettled);
    }

    [Fact]
    public void Fills_of_orders_not_tracked_are_accepted_once_with_no_owner()
    {
        var tracker = new OrderTracker();

        Assert.True(tracker.TryAcceptFill(Fill("e9", 1m, link: "manual"), Books, out var owner));
        Assert.Null(owner);
        Assert.False(tracker.TryAcceptFill(Fill("e9", 1m, link: "manual"), Books, out _));
    }

    [Fact]
    public void A_forgotten_order_keeps_its_exec_ids_so_a_late_replay_is_still_refused()
    {
        var tracker = new OrderTracker();
        var order = tracker.Track(Intent(), 0m, 100m);
        tracker.TryAcceptFill(Fill("e1", 2m), Books, out _);
        tracker.OnOrderUpdate(Update(OrderStatus.Filled, 2m));

        tracker.Forget(order);

        Assert.False(tracker.TryGet("arb-x-1s", out _));
        Assert.False(tracker.TryAcceptFill(Fill("e1", 2m), Books, out _));
    }

    [Fact]
    public void The_same_link_id_cannot_be_tracked_twice()
    {
        var tracker = new OrderTracker();
        tracker.Track(Intent(), 0m, 100m);

        Assert.Throws<InvalidOperationException>(() => tracker.Track(Intent(), 0m, 100m));
    }

    [Fact]
    public void Unsettled_lists_only_the_orders_still_waiting()
    {
        var tracker = new OrderTracker();
        var done = tracker.Track(Intent("a"), 0m, 100m);
        var waiting = tracker.Track(Intent("b"), 0m, 100m);
        tracker.MarkRejected(done, "no");

        Assert.Equal([waiting], tracker.Unsettled());
    }

    [Fact]
    public void Funding_is_accepted_once_per_exec_id()
    {
        var tracker = new OrderTracker();
        var funding = new FundingPayment("BTCUSDT", 1.25m, 0.0001m, 12_500m, "f-1", 1);

        Assert.True(tracker.TryAcceptFunding(funding));
        Assert.False(tracker.TryAcceptFunding(funding));
        Assert.False(tracker.TryAcceptFunding(funding with { TimestampMs = 2 }));
        Assert.True(tracker.TryAcceptFunding(funding with { ExecId = "f-2" }));
    }

    [Fact]
    public void Concurrent_stream_and_REST_deliveries_of_the_same_fills_book_each_exactly_once()
    {
        var tracker = new OrderTracker();
        var order = tracker.Track(Intent(qty: 100m), 0m, 100m);
        var fills = Enumerable.Range(0, 100).Select(i => Fill($"e{i}", 1m)).ToArray();
        var accepted = 0;

        Parallel.For(0, 4, _ =>
        {
            foreach (var fill in fills)
            {
                if (tracker.TryAcceptFill(fill, Books, out var owner) && owner == order)
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        });
        tracker.OnOrderUpdate(Update(OrderStatus.Filled, 100m));

        Assert.Equal(100, accepted);
        Assert.Equal(100m, order.FilledQuantity);
        Assert.True(order.IsSettled);
    }
}
