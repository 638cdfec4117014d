using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;
using Arb.Strategy.Sizing;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Engine.Execution;

/// <summary>A pair executor on a scripted venue, a clock whose delays pass at once, and a stream consumer wired like the engine's.</summary>
internal sealed class ExecutionHarness
{
    public const string Symbol = "BTCUSDT";

    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly LotRules SpotLot = new(0.0001m, 0.0001m, 1m);

    public static readonly LotRules PerpLot = new(0.001m, 0.001m, 5m);

    public ExecutionHarness(ExecutionOptions? options = null)
    {
        Options = options ?? new ExecutionOptions
        {
            StreamGrace = TimeSpan.FromMilliseconds(10),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            UnknownOrderQueries = 3,
            LegHedgeTimeout = TimeSpan.FromSeconds(2),
        };
        Venue = new ScriptedVenue(OnStream);
        Ids = new ClientOrderIds(Start);
        Executor = new PairExecutor(Venue, Tracker, Book, Ids, Options, Time, Logger);
    }

    public ExecutionOptions Options { get; }

    public AutoAdvanceTimeProvider Time { get; } = new(Start);

    public OrderTracker Tracker { get; } = new();

    public RecordingFillBook Book { get; } = new();

    public CapturingLogger Logger { get; } = new();

    public ScriptedVenue Venue { get; }

    public ClientOrderIds Ids { get; }

    public PairExecutor Executor { get; }

    /// <summary>What the engine's account-event consumer does: accept and book each fill once; pass statuses on.</summary>
    public void OnStream(IAccountEvent change)
    {
        switch (change)
        {
            case Fill fill:
                Tracker.TryAcceptFill(fill, Book, out _);
                break;
            case OrderUpdate update:
                Tracker.OnOrderUpdate(update);
                break;
        }
    }

    /// <summary>Buy spot at up to 100.2, sell the perp at down to 100.8; expected 100.1 and 100.9.</summary>
    public PairPlan Open(decimal quantity = 2m)
    {
        var (spot, perp) = Ids.NextPair();
        return new PairPlan(
            Symbol,
            PairKind.Open,
            new OrderIntent(MarketCategory.Spot, Symbol, TradeSide.Buy, quantity, 100.2m, spot),
            new OrderIntent(MarketCategory.Linear, Symbol, TradeSide.Sell, quantity, 100.8m, perp),
            30m,
            100.1m,
            100.9m,
            quantity * 100.1m,
            SpotLot,
            PerpLot,
            0);
    }

    /// <summary>Unwinds long spot / short perp: sell <paramref name="spotQuantity"/> spot, buy back <paramref name="perpQuantity"/> perp.</summary>
    public PairPlan Close(decimal spotQuantity, decimal perpQuantity)
    {
        var (spot, perp) = Ids.NextPair();
        return new PairPlan(
            Symbol,
            PairKind.Close,
            new OrderIntent(MarketCategory.Spot, Symbol, TradeSide.Sell, spotQuantity, 99.8m, spot),
            new OrderIntent(MarketCategory.Linear, Symbol, TradeSide.Buy, perpQuantity, 100.2m, perp, ReduceOnly: true),
            -5m,
            99.9m,
            100.1m,
            0m,
            SpotLot,
            PerpLot,
            0);
    }

    /// <summary>Runs the plan, failing the test instead of hanging should the executor never return.</summary>
    public async Task<PairResult> RunAsync(PairPlan plan)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await Executor.ExecuteAsync(plan, timeout.Token);
    }

    /// <summary>The coin bought minus the coin sold over both legs, as the venue filled them, hedges included.</summary>
    public decimal VenueNet() =>
        Venue.Submitted.SelectMany(o => Venue.FillsOf(o.OrderLinkId)).Sum(f => f.Side == TradeSide.Buy ? f.Quantity : -f.Quantity);
}

public sealed class PairExecutorTests
{
    private static bool IsLeg(OrderIntent order, PairPlan plan) => order.OrderLinkId == plan.Spot.OrderLinkId || order.OrderLinkId == plan.Perp.OrderLinkId;

    [Fact]
    public async Task Both_legs_filled_in_full_need_no_hedge_and_each_fill_is_booked_once_with_its_decision()
    {
        var h = new ExecutionHarness();
        h.Venue.Script = _ => OrderScript.Fill(2m, parts: 2);
        var plan = h.Open();

        var result = await h.RunAsync(plan);

        Assert.False(result.HadImbalance);
        Assert.Equal((2m, 2m, 0, 0m), (result.Spot.Filled, result.Perp.Filled, result.HedgeOrders, result.Imbalance));
        Assert.True(result.Spot.IsComplete && result.Perp.IsComplete);
        Assert.Equal([plan.Spot, plan.Perp], h.Venue.Submitted);
        Assert.All(h.Venue.Submitted, o => Assert.False(o.IsMarket));
        Assert.Equal(4, h.Book.Booked.Count);
        Assert.Equal(4, h.Book.Booked.Select(b => b.Fill.ExecId).Distinct().Count());
        Assert.All(h.Book.Booked, b => Assert.Equal(30m, b.Order!.EdgeBps));
        Assert.All(h.Book.Booked.Where(b => b.Fill.Category == MarketCategory.Spot), b => Assert.Equal(100.1m, b.Order!.ExpectedPrice));
        Assert.All(h.Book.Booked.Where(b => b.Fill.Category == MarketCategory.Linear), b => Assert.Equal(100.9m, b.Order!.ExpectedPrice));
        Assert.Equal(0, h.Executor.Imbalances);
        Assert.Equal(0, h.Venue.Queries(plan.Spot.OrderLinkId)); // the stream kept up: no REST
        Assert.Empty(h.Tracker.Unsettled());
        Assert.False(h.Tracker.TryGet(plan.Spot.OrderLinkId, out _)); // forgotten once settled
    }

    [Fact]
    public async Task A_rejected_spot_leg_is_completed_by_a_market_order_on_the_spot_leg()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = o => o.OrderLinkId == plan.Spot.OrderLinkId ? OrderScript.Reject("insufficient balance") : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        Assert.True(result.HadImbalance);
        Assert.Equal((0m, 2m), (result.Spot.Filled, result.Perp.Filled));
        Assert.Equal("insufficient balance", result.Spot.Shortfall);
        var hedge = Assert.Single(h.Venue.Hedges);
        Assert.Equal((MarketCategory.Spot, TradeSide.Buy, 2m, true), (hedge.Category, hedge.Side, hedge.Quantity, hedge.IsMarket));
        Assert.NotEqual(plan.Spot.OrderLinkId, hedge.OrderLinkId);
        Assert.Equal((1, 0m), (result.HedgeOrders, result.Imbalance));
        Assert.Equal(1, h.Executor.Imbalances);
        Assert.Equal(0m, h.VenueNet());
        Assert.Contains(h.Book.Booked, b => b.Fill.OrderLinkId == hedge.OrderLinkId);
    }

    [Fact]
    public async Task A_rejected_perp_leg_is_completed_on_the_perp_first()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = o => o.OrderLinkId == plan.Perp.OrderLinkId ? OrderScript.Reject("risk limit") : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        var hedge = Assert.Single(h.Venue.Hedges);
        Assert.Equal((MarketCategory.Linear, TradeSide.Sell, 2m, true), (hedge.Category, hedge.Side, hedge.Quantity, hedge.IsMarket));
        Assert.Equal(0m, result.Imbalance);
    }

    [Fact]
    public async Task When_the_lagging_leg_refuses_its_hedge_too_the_other_leg_is_unwound()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = o => o.Category == MarketCategory.Spot ? OrderScript.Reject("spot trading halted") : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        Assert.Equal(2, h.Venue.Hedges.Count);
        var (first, second) = (h.Venue.Hedges[0], h.Venue.Hedges[1]);
        Assert.Equal((MarketCategory.Spot, TradeSide.Buy, 2m), (first.Category, first.Side, first.Quantity));
        Assert.Equal((MarketCategory.Linear, TradeSide.Buy, 2m, true), (second.Category, second.Side, second.Quantity, second.IsMarket));
        Assert.Equal((2, 0m), (result.HedgeOrders, result.Imbalance));
        Assert.Equal(0m, h.VenueNet()); // the short perp was bought back: nothing is exposed
    }

    [Fact]
    public async Task A_partial_fill_is_hedged_by_the_difference_rounded_to_the_nearest_lot_step_of_the_lagging_leg()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        // Spot fills 1.9996 of 2 (99.98 %), the perp 1.5 (75 %): the perp lags by 0.4996, which its 0.001 step rounds to 0.500.
        h.Venue.Script = o => o.OrderLinkId == plan.Spot.OrderLinkId ? OrderScript.Fill(1.9996m)
            : o.OrderLinkId == plan.Perp.OrderLinkId ? OrderScript.Fill(1.5m) : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        var hedge = Assert.Single(h.Venue.Hedges);
        Assert.Equal((MarketCategory.Linear, TradeSide.Sell, 0.500m, true), (hedge.Category, hedge.Side, hedge.Quantity, hedge.IsMarket));
        Assert.Equal(-0.0004m, result.Imbalance); // below half a lot step: tolerated
        Assert.Equal((1.9996m, 1.5m), (result.Spot.Filled, result.Perp.Filled));
        Assert.Equal("EC_CancelForNoFullFill", result.Perp.Shortfall);
    }

    [Fact]
    public async Task A_partial_spot_fill_is_hedged_on_the_spot_leg_at_the_spot_step()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = o => o.OrderLinkId == plan.Spot.OrderLinkId ? OrderScript.Fill(1.23456m) : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        var hedge = Assert.Single(h.Venue.Hedges);
        Assert.Equal((MarketCategory.Spot, TradeSide.Buy, 0.7654m), (hedge.Category, hedge.Side, hedge.Quantity));
        Assert.Equal(-0.00004m, result.Imbalance);
    }

    [Fact]
    public async Task A_hedge_below_the_lagging_legs_minimum_notional_goes_to_the_other_leg()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        // The perp lags by 0.04: 0.04 × 100.9 = 4.04 USDT, under the perp's 5 USDT minimum; spot takes it (4.00 ≥ 1).
        h.Venue.Script = o => o.OrderLinkId == plan.Perp.OrderLinkId ? OrderScript.Fill(1.96m) : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        var hedge = Assert.Single(h.Venue.Hedges);
        Assert.Equal((MarketCategory.Spot, TradeSide.Sell, 0.04m, true), (hedge.Category, hedge.Side, hedge.Quantity, hedge.IsMarket));
        Assert.Equal(0m, result.Imbalance);
    }

    [Fact]
    public async Task An_imbalance_of_less_than_one_lot_step_is_tolerated_without_a_hedge()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = o => o.OrderLinkId == plan.Spot.OrderLinkId ? OrderScript.Fill(1.9991m) : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        Assert.False(result.HadImbalance);
        Assert.Empty(h.Venue.Hedges);
        Assert.Equal(-0.0009m, result.Imbalance);
        Assert.Equal(0, h.Executor.Imbalances);
    }

    [Fact]
    public async Task A_submission_without_an_answer_is_never_resent_and_is_settled_by_a_REST_query()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = o => o.OrderLinkId == plan.Spot.OrderLinkId ? OrderScript.NoAnswer(placed: true) : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        Assert.Single(h.Venue.Submitted, o => o.Category == MarketCategory.Spot);
        Assert.Empty(h.Venue.Hedges);
        Assert.Equal(1, h.Venue.Queries(plan.Spot.OrderLinkId));
        Assert.Equal((2m, 2m, false), (result.Spot.Filled, result.Perp.Filled, result.HadImbalance));
        var booked = Assert.Single(h.Book.Booked, b => b.Fill.Category == MarketCategory.Spot);
        Assert.Same(plan.Spot, booked.Order!.Intent);
    }

    [Fact]
    public async Task A_submission_that_throws_is_treated_as_unanswered_not_resent()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = o => o.OrderLinkId == plan.Perp.OrderLinkId
            ? new OrderScript { Throws = true, Delivery = Delivery.RestOnly }
            : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        Assert.Single(h.Venue.Submitted, o => o.Category == MarketCategory.Linear);
        Assert.Equal((2m, false), (result.Perp.Filled, result.HadImbalance));
        Assert.True(h.Venue.Queries(plan.Perp.OrderLinkId) >= 1);
    }

    [Fact]
    public async Task An_order_the_venue_never_knew_counts_as_unfilled_after_UnknownOrderQueries_queries_and_is_hedged()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = o => o.OrderLinkId == plan.Perp.OrderLinkId ? OrderScript.NoAnswer(placed: false) : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        Assert.Equal(h.Options.UnknownOrderQueries, h.Venue.Queries(plan.Perp.OrderLinkId));
        Assert.Equal(0m, result.Perp.Filled);
        Assert.Equal("never reached the venue", result.Perp.Shortfall);
        var hedge = Assert.Single(h.Venue.Hedges);
        Assert.Equal((MarketCategory.Linear, TradeSide.Sell, 2m), (hedge.Category, hedge.Side, hedge.Quantity));
        Assert.NotEqual(plan.Perp.OrderLinkId, hedge.OrderLinkId); // a new order, not the lost one resent
        Assert.Single(h.Venue.Submitted, o => o.OrderLinkId == plan.Perp.OrderLinkId);
    }

    [Fact]
    public async Task An_acknowledged_order_is_never_given_up_as_unknown_however_often_REST_misses_it()
    {
        // Accepted, but REST does not find it at first (its index lags): it exists, so it must be waited for.
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = o => o.OrderLinkId == plan.Spot.OrderLinkId
            ? new OrderScript { Delivery = Delivery.RestOnly, UnknownQueries = 2 * h.Options.UnknownOrderQueries }
            : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        Assert.Equal((2 * h.Options.UnknownOrderQueries) + 1, h.Venue.Queries(plan.Spot.OrderLinkId));
        Assert.Equal((2m, false), (result.Spot.Filled, result.HadImbalance));
        Assert.Empty(h.Venue.Hedges);
    }

    [Fact]
    public async Task An_IOC_order_REST_reports_as_still_open_is_cancelled_and_asked_for_again()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = o => o.OrderLinkId == plan.Spot.OrderLinkId
            ? new OrderScript { Delivery = Delivery.RestOnly, OpenQueries = 5 }
            : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        Assert.Equal(6, h.Venue.Queries(plan.Spot.OrderLinkId));
        Assert.Equal(5, h.Venue.Cancels.Count(c => c == plan.Spot.OrderLinkId)); // an IOC reported open is cancelled
        Assert.Equal((2m, false), (result.Spot.Filled, result.HadImbalance));
    }

    [Fact]
    public async Task Fills_that_only_come_through_REST_are_booked_once_even_when_the_stream_replays_them_later()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = o => new OrderScript { Delivery = Delivery.RestOnly, Parts = 3, FailingQueries = 1, OpenQueries = 1 };

        var result = await h.RunAsync(plan);

        Assert.Equal((2m, 2m, false), (result.Spot.Filled, result.Perp.Filled, result.HadImbalance));
        Assert.Equal(3, h.Venue.Queries(plan.Spot.OrderLinkId)); // failed, open, closed
        Assert.Equal(6, h.Book.Booked.Count);
        Assert.All(h.Book.Booked, b => Assert.NotNull(b.Order));

        // The stream comes back and replays everything.
        foreach (var fill in h.Venue.FillsOf(plan.Spot.OrderLinkId).Concat(h.Venue.FillsOf(plan.Perp.OrderLinkId)))
        {
            h.OnStream(fill);
        }

        Assert.Equal(6, h.Book.Booked.Count);
    }

    [Fact]
    public async Task Fills_from_the_stream_are_not_booked_again_when_a_REST_query_has_to_close_the_order()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = _ => new OrderScript { Delivery = Delivery.StreamFillsOnly, Parts = 2 };

        var result = await h.RunAsync(plan);

        Assert.Equal((2m, 2m), (result.Spot.Filled, result.Perp.Filled));
        Assert.Equal(1, h.Venue.Queries(plan.Spot.OrderLinkId));
        Assert.Equal(4, h.Book.Booked.Count);
        Assert.Equal(4, h.Book.Booked.Select(b => b.Fill.ExecId).Distinct().Count());
    }

    [Fact]
    public async Task Hedge_rounds_repeat_until_the_venue_takes_one_and_rounds_past_LEG_HEDGE_TIMEOUT_SEC_are_counted()
    {
        var h = new ExecutionHarness(new ExecutionOptions
        {
            StreamGrace = TimeSpan.FromMilliseconds(10),
            RetryDelay = TimeSpan.FromMilliseconds(250),
            LegHedgeTimeout = TimeSpan.FromSeconds(1),
        });
        var plan = h.Open();
        var refusals = 0;
        h.Venue.Script = o =>
            o.OrderLinkId == plan.Spot.OrderLinkId ? OrderScript.Reject()
            : IsLeg(o, plan) ? OrderScript.FillAll
            : Interlocked.Increment(ref refusals) <= 10 ? OrderScript.Reject("too many requests") : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        Assert.Equal(0m, result.Imbalance);
        Assert.Equal(11, result.HedgeOrders); // five rounds of two refusals, then the spot hedge fills
        Assert.True(result.TimeToHedge >= TimeSpan.FromSeconds(1));
        Assert.True(h.Executor.UnhedgedPastTimeout >= 1);
        Assert.Contains(h.Logger.Messages, m => m.StartsWith("Error:", StringComparison.Ordinal) && m.Contains("LEG_HEDGE_TIMEOUT_SEC", StringComparison.Ordinal));
        Assert.All(h.Venue.Hedges, o => Assert.True(o.IsMarket));
        Assert.Equal(h.Venue.Hedges.Count, h.Venue.Hedges.Select(o => o.OrderLinkId).Distinct().Count());
    }

    [Fact]
    public async Task A_close_whose_legs_differ_by_the_spot_fee_dust_is_not_an_imbalance_when_both_fill()
    {
        // Opening 2 BTC left 1.998 coin (the 0.1 % buy fee is taken in BTC) against a 2 BTC short: the close sells
        // the 1.998 held and buys back the 2 short. Both filling in full is the plan, not a leg imbalance.
        var h = new ExecutionHarness();
        var plan = h.Close(spotQuantity: 1.998m, perpQuantity: 2m);

        var result = await h.RunAsync(plan);

        Assert.False(result.HadImbalance);
        Assert.Empty(h.Venue.Hedges);
        Assert.Equal(0m, result.Imbalance);
        Assert.Equal(0, h.Executor.Imbalances);
    }

    [Fact]
    public async Task A_close_whose_spot_leg_fails_completes_the_spot_sale_by_the_planned_quantity()
    {
        var h = new ExecutionHarness();
        var plan = h.Close(spotQuantity: 1.998m, perpQuantity: 2m);
        h.Venue.Script = o => o.OrderLinkId == plan.Spot.OrderLinkId ? OrderScript.Fill(0.998m) : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        var hedge = Assert.Single(h.Venue.Hedges);
        Assert.Equal((MarketCategory.Spot, TradeSide.Sell, 1m), (hedge.Category, hedge.Side, hedge.Quantity));
        Assert.Equal(0m, result.Imbalance);
    }

    [Fact]
    public async Task An_imbalance_neither_leg_can_take_is_reported_instead_of_retried_forever()
    {
        var h = new ExecutionHarness();
        // 0.01 BTC: 1.00 USDT on spot (minimum 5 here) and 1.01 on the perp (minimum 5): no valid hedge order exists.
        var plan = h.Open() with { SpotLot = ExecutionHarness.SpotLot with { MinNotional = 5m } };
        h.Venue.Script = o => o.OrderLinkId == plan.Perp.OrderLinkId ? OrderScript.Fill(1.99m) : OrderScript.FillAll;

        var result = await h.RunAsync(plan);

        Assert.True(result.HadImbalance);
        Assert.Empty(h.Venue.Hedges);
        Assert.Equal((0, 0.01m), (result.HedgeOrders, result.Imbalance));
        Assert.Contains(h.Logger.Messages, m => m.StartsWith("Error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hard_stop_cancels_the_settlement_and_leaves_nothing_tracked()
    {
        var h = new ExecutionHarness();
        var plan = h.Open();
        h.Venue.Script = _ => new OrderScript { Delivery = Delivery.RestOnly, OpenQueries = int.MaxValue };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Executor.ExecuteAsync(plan, stop.Token));

        Assert.Empty(h.Tracker.Unsettled());
        Assert.False(h.Tracker.TryGet(plan.Spot.OrderLinkId, out _));
    }
}
