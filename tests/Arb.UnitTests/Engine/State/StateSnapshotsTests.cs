using System.Text.Json;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;
using Arb.Engine.Portfolio;
using Arb.Engine.Risk;
using Arb.Engine.State;
using Arb.Engine.Trading;
using Arb.Strategy.Edge;
using Arb.UnitTests.Engine.Trading;
using static Arb.UnitTests.Engine.Trading.TraderFixture;

namespace Arb.UnitTests.Engine.State;

public sealed class StateSnapshotsTests : IDisposable
{
    private readonly StateDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // Through the JSON file format too, so what is compared is what a restart would read.
    private static T ThroughJson<T>(T snapshot, Func<BotState, T> pick, Func<T, BotState> wrap)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(wrap(snapshot), StateJsonContext.Default.BotState);
        return pick(JsonSerializer.Deserialize(bytes, StateJsonContext.Default.BotState)!);
    }

    private static LegSnapshot ThroughJson(LegSnapshot leg) => ThroughJson(
        leg,
        s => s.Symbols[0].Spot,
        l => StateSamples.Create() with { Symbols = [StateSamples.Create().Symbols[0] with { Spot = l }] });

    [Fact]
    public void A_restored_leg_behaves_exactly_like_the_original_through_any_further_trades()
    {
        var random = new Random(11);
        for (var run = 0; run < 200; run++)
        {
            var original = new PositionLeg();
            var trades = random.Next(0, 12);
            for (var i = 0; i < trades; i++)
            {
                original.Apply(RandomQuantity(random), RandomPrice(random));
            }

            var restored = new PositionLeg();
            StateSnapshots.Restore(restored, ThroughJson(StateSnapshots.Capture(original)));
            AssertSame(original, restored);

            for (var i = 0; i < 8; i++)
            {
                var (quantity, price) = (RandomQuantity(random), RandomPrice(random));
                original.Apply(quantity, price);
                restored.Apply(quantity, price);
                AssertSame(original, restored);
            }
        }

        static decimal RandomQuantity(Random random) => Math.Round((decimal)(random.NextDouble() * 4 - 2), random.Next(0, 9));

        static decimal RandomPrice(Random random) => Math.Round(60_000m + (decimal)(random.NextDouble() * 1_000), random.Next(0, 8));

        static void AssertSame(PositionLeg expected, PositionLeg actual)
        {
            Assert.Equal(expected.Quantity, actual.Quantity);
            Assert.Equal(expected.Realized, actual.Realized);
            Assert.Equal(expected.OpenValue, actual.OpenValue);
            Assert.Equal(expected.EntryPrice, actual.EntryPrice);
            Assert.Equal(expected.Unrealized(61_234.5678m), actual.Unrealized(61_234.5678m));
            Assert.Equal(expected.Lots, actual.Lots);
        }
    }

    [Fact]
    public void A_leg_refuses_lots_that_do_not_make_its_quantity()
    {
        var leg = new PositionLeg();

        Assert.Throws<ArgumentException>(() => leg.Restore(-1m, [(0.5m, 100m)], 0m));
        Assert.Throws<ArgumentException>(() => leg.Restore(1m, [(1.5m, 100m), (-0.5m, 100m)], 0m));
        Assert.Throws<ArgumentException>(() => leg.Restore(1m, [(1m, -100m)], 0m));
        Assert.Throws<ArgumentException>(() => leg.Restore(0m, [(0m, 100m)], 0m));

        leg.Restore(-1.5m, [(1m, 100m), (0.5m, 110m)], 7m);
        Assert.Equal((-1.5m, 7m, -155m), (leg.Quantity, leg.Realized, leg.OpenValue)); // open value is signed like the quantity
    }

    [Fact]
    public void A_restored_portfolio_has_the_same_legs_fees_funding_and_pnl()
    {
        var original = new SymbolPortfolio("BTCUSDT", "BTC");
        original.Apply(Fill(MarketCategory.Spot, TradeSide.Buy, 1m, 60_000m, 0.001m, "BTC", "e1"));
        original.Apply(Fill(MarketCategory.Linear, TradeSide.Sell, 0.999m, 60_300m, 33.132945m, "USDT", "e2"));
        original.Apply(Fill(MarketCategory.Spot, TradeSide.Sell, 0.4m, 60_150.37m, 24.060148m, "USDT", "e3"));
        original.ApplyFunding(6.0237m);
        var snapshot = StateSnapshots.Capture(original.Spot);

        var restored = new SymbolPortfolio("BTCUSDT", "BTC");
        StateSnapshots.Restore(restored, new SymbolSnapshot(
            "BTCUSDT", snapshot, StateSnapshots.Capture(original.Perp), original.FeesUsd, original.FundingUsd, ThrottleSnapshot.None, []));

        Assert.Equal(
            (original.Realized, original.NetRealized, original.FeesUsd, original.FundingUsd, original.Unrealized(60_100m, 60_200m)),
            (restored.Realized, restored.NetRealized, restored.FeesUsd, restored.FundingUsd, restored.Unrealized(60_100m, 60_200m)));
        var close = Fill(MarketCategory.Linear, TradeSide.Buy, 0.999m, 60_120.5m, 33.03m, "USDT", "e4");
        original.Apply(close);
        restored.Apply(close);
        Assert.Equal((original.NetRealized, original.Perp.Quantity), (restored.NetRealized, restored.Perp.Quantity));
    }

    [Fact]
    public void Restored_throttle_counters_keep_the_day_count_and_cooldown_and_roll_at_midnight()
    {
        var noon = Now; // 2025-03-01 12:00 UTC
        var original = new TradeThrottle(TimeSpan.FromSeconds(10), maxDailyTrades: 3);
        original.Record(noon - 60_000);
        original.Record(noon - 1_000);
        var snapshot = StateSnapshots.Capture(original);
        Assert.Equal(new ThrottleSnapshot(new DateOnly(2025, 3, 1), 2, noon - 1_000), snapshot);

        var restored = new TradeThrottle(TimeSpan.FromSeconds(10), maxDailyTrades: 3);
        StateSnapshots.Restore(restored, snapshot);

        Assert.Equal(2, restored.TradesToday(noon));
        Assert.True(restored.IsCoolingDown(noon));
        Assert.False(restored.IsCoolingDown(noon + 9_000));
        restored.Record(noon + 9_000);
        Assert.True(restored.IsPausedForDay(noon + 20_000));
        Assert.Equal(0, restored.TradesToday(noon + (12 * 3_600_000)));

        var fresh = new TradeThrottle(TimeSpan.FromSeconds(10), maxDailyTrades: 3);
        Assert.Equal(ThrottleSnapshot.None, StateSnapshots.Capture(fresh));
        StateSnapshots.Restore(fresh, ThrottleSnapshot.None);
        Assert.True(fresh.CanOpen(noon));
    }

    [Fact]
    public void In_flight_orders_are_captured_with_their_fills_and_restored_into_a_tracker()
    {
        var tracker = new OrderTracker();
        var book = new CountingBook();
        var intent = new OrderIntent(MarketCategory.Spot, Symbol, TradeSide.Buy, 0.01m, 65_010.5m, "arb-x-1s");
        var order = tracker.Track(intent, 35.5m, 65_000m, Now);
        tracker.TryAcceptFill(new Fill(Symbol, MarketCategory.Spot, TradeSide.Buy, 0.004m, 65_010m, 0m, "BTC", "arb-x-1s", "e-1", Now), book, out _);
        tracker.Track(intent with { OrderLinkId = "arb-x-2s" }, 0m, 1m);
        var settled = tracker.Track(intent with { OrderLinkId = "arb-x-3s" }, 0m, 1m);
        tracker.MarkRejected(settled, "no");

        var captured = tracker.SelectUnsettled(StateSnapshots.Capture);

        Assert.Equal(["arb-x-1s", "arb-x-2s"], captured.Select(o => o.OrderLinkId).Order(StringComparer.Ordinal));
        var first = captured.Single(o => o.OrderLinkId == "arb-x-1s");
        Assert.Equal(new InFlightOrderSnapshot(MarketCategory.Spot, Symbol, TradeSide.Buy, 0.01m, 65_010.5m, "arb-x-1s", false, 35.5m, 65_000m, 0.004m, Now), first);
        Assert.Null(captured.Single(o => o.OrderLinkId == "arb-x-2s").SentAtMs);

        var after = new OrderTracker();
        after.RememberExecIds(["e-1"]);
        var restored = Assert.Single(StateSnapshots.RestoreInFlight(after, [first]));
        Assert.Equal((intent, 35.5m, 65_000m, 0.004m, Now), (restored.Intent, restored.EdgeBps, restored.ExpectedPrice, restored.FilledQuantity, restored.TrackedAtMs));

        // The venue reports the order again with both fills: only the new one is booked, and it settles the order.
        var report = new VenueOrderReport("arb-x-1s", OrderStatus.Filled, 0.01m,
        [
            new Fill(Symbol, MarketCategory.Spot, TradeSide.Buy, 0.004m, 65_010m, 0m, "BTC", "arb-x-1s", "e-1", Now),
            new Fill(Symbol, MarketCategory.Spot, TradeSide.Buy, 0.006m, 65_010.5m, 0m, "BTC", "arb-x-1s", "e-2", Now),
        ]);
        var fresh = after.ApplyReport(report, book);
        Assert.Equal("e-2", Assert.Single(fresh).ExecId);
        Assert.True(restored.IsSettled);
    }

    [Fact]
    public void A_symbol_trader_captures_its_position_counters_and_booked_exec_ids_and_restores_them()
    {
        var trader = Trader(ScriptedEstimator.Always(EdgeAction.Hold));
        trader.Book(Fill(MarketCategory.Spot, TradeSide.Buy, 1m, 100m, 0.001m, "BTC", "e1"));
        trader.Book(Fill(MarketCategory.Linear, TradeSide.Sell, 0.99m, 101m, 0.055m, "USDT", "e2"));
        trader.BookFunding(0.25m, "f1");
        trader.BookFunding(0.1m); // no exec id: booked, not remembered

        var snapshot = trader.CaptureState();

        Assert.Equal(["e1", "e2", "f1"], snapshot.BookedExecIds);
        Assert.Equal(0.35m, snapshot.FundingUsd);
        var restored = Trader(ScriptedEstimator.Always(EdgeAction.Hold));
        restored.RestoreState(snapshot);
        Assert.Equal(StateSamples.Json(Wrap(snapshot)), StateSamples.Json(Wrap(restored.CaptureState())));
        Assert.Throws<ArgumentException>(() => restored.RestoreState(snapshot with { Symbol = "ETHUSDT" }));

        static BotState Wrap(SymbolSnapshot symbol) => StateSamples.Create() with { Symbols = [symbol] };
    }

    [Fact]
    public void Booked_exec_ids_keep_the_newest_up_to_their_capacity()
    {
        var ids = new BookedExecIds(capacity: 3);
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            ids.Add(id);
        }

        Assert.Equal(["c", "d", "e"], ids.ToArray());
        ids.Restore(["1", "2", "3", "4"]);
        Assert.Equal(["2", "3", "4"], ids.ToArray());
    }

    /// <summary>
    /// The whole path of a restart: an engine trades on the paper venue, its state is saved and loaded by a new
    /// process's store, restored into a new engine, and every execution the venue had reported is replayed:
    /// nothing is booked twice, and the restored engine reports what the original did.
    /// </summary>
    [Fact]
    public async Task An_engine_restarted_from_its_saved_state_ignores_replayed_fills_and_reports_the_same_pnl()
    {
        using var before = new EngineFixture(_dir.Root, new ThresholdEdgeEstimator(20m, -50m, false));
        before.Feed(Spot());
        before.Feed(Perp());
        before.Feed(Spot());
        await before.SettleAsync();
        before.Engine.OnAccountEvent(new FundingPayment(Symbol, 0.55m, 0.0001m, 1_008m, "fund-1", Now + 1));
        Assert.Equal(1, before.Engine.Executions);
        var risk = RiskStateSnapshot.Empty with { PeakPnlUsd = 1.25m, ConsecutiveLosses = 1 };
        new StateStore(_dir.Main, _dir.Backup).Save(() => StateSnapshots.Capture(before.Engine, StateSamples.SessionStart, risk, before.Time.GetUtcNow()));

        var loaded = new StateStore(_dir.Main, _dir.Backup).Load();
        using var after = new EngineFixture(Path.Combine(_dir.Root, "after"), new ThresholdEdgeEstimator(20m, -50m, false));
        Assert.Empty(StateSnapshots.Restore(after.Engine, loaded.State!));
        foreach (var replayed in before.Pumped.Where(e => e is Fill).Append(new FundingPayment(Symbol, 0.55m, 0.0001m, 1_008m, "fund-1", Now + 1)))
        {
            after.Engine.OnAccountEvent(replayed);
        }

        Assert.Equal(StateSource.Main, loaded.Source);
        Assert.Equal(1.25m, loaded.State!.Risk.PeakPnlUsd);
        Assert.Empty(loaded.State.InFlightOrders);
        var expected = before.Engine.Status().Symbols.Single();
        var actual = after.Engine.Status().Symbols.Single();
        Assert.Equal(
            (expected.SpotQuantity, expected.PerpQuantity, expected.RealizedUsd, expected.FeesUsd, expected.FundingUsd, expected.TradesToday),
            (actual.SpotQuantity, actual.PerpQuantity, actual.RealizedUsd, actual.FeesUsd, actual.FundingUsd, actual.TradesToday));
        Assert.NotEqual(0m, actual.SpotQuantity);
        Assert.Single(after.Rows()); // header only: no replayed fill reached trades.csv
    }

    private sealed class CountingBook : IFillBook
    {
        public int Booked { get; private set; }

        public void Book(Fill fill, TrackedOrder? order) => Booked++;
    }
}
