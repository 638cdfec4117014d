using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;
using Arb.Engine.Trading;
using Arb.Strategy.Edge;
using static Arb.UnitTests.Engine.Trading.TraderFixture;

namespace Arb.UnitTests.Engine.Trading;

public sealed class SymbolTraderTests
{
    private static ThresholdEdgeEstimator Threshold(decimal entry = 20m, decimal exit = -10m, bool allowReverse = true) => new(entry, exit, allowReverse);

    // Books the fills an open of `quantity` would get: spot bought with the 0.1 % fee taken in BTC, perp sold.
    private static void BookOpen(SymbolTrader trader, decimal quantity, decimal spotPrice = 100m, decimal perpPrice = 101m, string tag = "o")
    {
        trader.Book(Fill(MarketCategory.Spot, TradeSide.Buy, quantity, spotPrice, quantity * SpotFee, "BTC", tag + "-s"));
        trader.Book(Fill(MarketCategory.Linear, TradeSide.Sell, quantity, perpPrice, quantity * perpPrice * PerpFee, "USDT", tag + "-p"));
    }

    [Fact]
    public void A_dislocated_basis_beyond_ENTRY_EDGE_BPS_gives_an_open_plan_with_IOC_limits_at_the_depth_walk_worst_prices()
    {
        var estimator = new ScriptedEstimator(f => Threshold().Decide(f));
        var ids = new ClientOrderIds(DateTimeOffset.FromUnixTimeMilliseconds(Now));
        var trader = Trader(estimator, ids: ids);

        var plan = Warm(trader, Spot(), Perp(), Now);

        Assert.NotNull(plan);
        Assert.Equal((PairKind.Open, Symbol), (plan.Kind, plan.Symbol));
        // MAX_POSITION_USD 1000 over the spot prices, on the common (perp) step 0.01: 9.99, whose buy walks to 100.1
        // and costs 999.699 (10.01, the size at the bid, would cost 1001.701: more than the limit).
        Assert.Equal((MarketCategory.Spot, TradeSide.Buy, 9.99m, 100.1m), (plan.Spot.Category, plan.Spot.Side, plan.Spot.Quantity, plan.Spot.LimitPrice));
        Assert.Equal((MarketCategory.Linear, TradeSide.Sell, 9.99m, 100.9m), (plan.Perp.Category, plan.Perp.Side, plan.Perp.Quantity, plan.Perp.LimitPrice));
        Assert.False(plan.Perp.ReduceOnly);
        Assert.Equal(0m, plan.Spot.Quantity % PerpSpec.QtyStep);
        Assert.Equal((999.699m / 9.99m, 1008.391m / 9.99m), (plan.ExpectedSpotPrice, plan.ExpectedPerpPrice));
        Assert.Equal(999.699m, plan.ReservedNotional);
        Assert.True(plan.ReservedNotional <= 1_000m);
        Assert.Equal(estimator.Seen[^1].OpenEdgeBps, plan.EdgeBps);
        Assert.Equal(71.45m, Math.Round(plan.EdgeBps, 2));
        Assert.Equal((SpotSpec.QtyStep, PerpSpec.MinNotional), (plan.SpotLot.QtyStep, plan.PerpLot.MinNotional));
        Assert.Equal(Now, plan.DecidedAtMs);

        // Ids: one pair of the shared generator, told apart by leg.
        Assert.EndsWith("-1s", plan.Spot.OrderLinkId, StringComparison.Ordinal);
        Assert.Equal(plan.Spot.OrderLinkId[..^1] + "p", plan.Perp.OrderLinkId);
        Assert.EndsWith("-2s", ids.NextPair().Spot, StringComparison.Ordinal);

        var status = trader.Status(Now);
        Assert.Equal((SymbolTradingState.Executing, 1, 1), (status.State, status.ExecutionsInFlight, status.TradesToday));
    }

    [Fact]
    public void Below_ENTRY_EDGE_BPS_nothing_is_planned_and_nothing_is_reserved()
    {
        var estimator = new ScriptedEstimator(f => Threshold(entry: 75m).Decide(f));
        var trader = Trader(estimator);

        Assert.Null(Warm(trader, Spot(), Perp(), Now));

        Assert.True(estimator.Seen[^1].OpenEdgeBps is > 70m and < 75m);
        var status = trader.Status(Now);
        Assert.Equal((SymbolTradingState.Active, 0, 0), (status.State, status.ExecutionsInFlight, status.TradesToday));
    }

    [Fact]
    public void Nothing_is_decided_until_the_volatility_window_is_half_full()
    {
        var estimator = ScriptedEstimator.Always(EdgeAction.Open);
        var trader = Trader(estimator, Options(window: 10));

        Assert.NotNull(Warm(trader, Spot(), Perp(), Now, samples: 5)); // Warm checks the first four give nothing
        Assert.Single(estimator.Seen); // the estimator is not even asked before
    }

    [Fact]
    public void A_plan_starts_TRADE_COOLDOWN_SEC_during_which_nothing_else_is_planned()
    {
        var trader = Trader(ScriptedEstimator.Always(EdgeAction.Open), Options(cooldownSec: 1));
        var first = Warm(trader, Spot(), Perp(), Now);
        Assert.NotNull(first);
        trader.Completed(first);

        Assert.Null(trader.OnBookUpdated(Spot(), Now + 999));
        Assert.Equal(SymbolTradingState.CoolingDown, trader.Status(Now + 999).State);

        Assert.NotNull(trader.OnBookUpdated(Spot(), Now + 1_000));
    }

    [Fact]
    public void At_most_PARALLEL_TASKS_executions_are_in_flight_and_a_completed_one_frees_its_slot()
    {
        // A risk budget of 0.24 USDT over the 6 bps floor move: 400 USDT a trade, far under MAX_POSITION_USD.
        var trader = Trader(ScriptedEstimator.Always(EdgeAction.Open), Options(maxPositionUsd: 100_000m, riskPerTrade: 0.000024m, parallel: 3));
        var plans = new List<PairPlan>();
        var first = Warm(trader, Spot(), Perp(), Now);
        Assert.NotNull(first);
        plans.Add(first);

        for (var i = 0; i < 5; i++)
        {
            if (trader.OnBookUpdated(Spot(), Now) is { } plan)
            {
                plans.Add(plan);
            }
        }

        Assert.Equal(3, plans.Count);
        Assert.All(plans, p => Assert.Equal(4m, p.Spot.Quantity));
        Assert.Equal(3, trader.InFlight);
        Assert.Equal(plans.Count * 2, plans.SelectMany(p => new[] { p.Spot.OrderLinkId, p.Perp.OrderLinkId }).Distinct().Count());

        trader.Completed(plans[1]);
        Assert.Equal(2, trader.InFlight);
        Assert.NotNull(trader.OnBookUpdated(Perp(), Now));
        Assert.Null(trader.OnBookUpdated(Spot(), Now));
        Assert.Equal(3, trader.InFlight);
    }

    [Fact]
    public void Reserved_notional_in_flight_never_exceeds_MAX_POSITION_USD_whatever_the_books()
    {
        var random = new Random(7);
        var trader = Trader(ScriptedEstimator.Always(EdgeAction.Open), Options(maxPositionUsd: 1_000m, riskPerTrade: 0.00003m, parallel: 16));
        var inFlight = new List<PairPlan>();
        var planned = 0;
        for (var update = 0; update < 2_000; update++)
        {
            // Spot around a mid of 100 with a random spread and depth at the top, the perp around 101 (the basis
            // stays put, so the volatility does too, and sizing is left to the risk budget and the room).
            var half = random.Next(1, 30) / 200m;
            var top = random.Next(1, 40) / 10m;
            var spot = Book(MarketCategory.Spot, [(100m - half, 50m)], [(100m + half, top), (100m + half + 0.2m, 50m)], update + 1);
            var perp = Book(MarketCategory.Linear, [(101m - half, 50m)], [(101m + half, 50m)], update + 1);
            foreach (var book in new[] { perp, spot })
            {
                if (trader.OnBookUpdated(book, Now) is { } plan)
                {
                    inFlight.Add(plan);
                    planned++;
                    Assert.True(plan.ReservedNotional <= 1_000m);
                }
            }

            Assert.True(inFlight.Sum(p => p.ReservedNotional) <= 1_000m, $"update {update}: {inFlight.Sum(p => p.ReservedNotional)} reserved");
            if (inFlight.Count > 0 && random.Next(0, 3) == 0)
            {
                var done = inFlight[random.Next(inFlight.Count)];
                inFlight.Remove(done);
                trader.Completed(done);
            }
        }

        Assert.True(planned > 100, $"only {planned} plans: the test would not have exercised the limit");
    }

    [Fact]
    public void Room_taken_by_executions_in_flight_shrinks_the_next_plan_to_what_is_left()
    {
        var trader = Trader(ScriptedEstimator.Always(EdgeAction.Open), Options(maxPositionUsd: 1_000m, riskPerTrade: 0.000024m, parallel: 8));
        var deep = Book(MarketCategory.Spot, [(99.9m, 1_000m)], [(100m, 1_000m)]);
        var perp = Book(MarketCategory.Linear, [(101m, 1_000m)], [(101.1m, 1_000m)]);
        var plans = new List<PairPlan> { Warm(trader, deep, perp, Now)! };
        while (trader.OnBookUpdated(deep, Now) is { } plan)
        {
            plans.Add(plan);
        }

        // 400, 400, then the 200 left (2.002 at the bid, 2.00 on the step).
        Assert.Equal([4m, 4m, 2m], plans.Select(p => p.Spot.Quantity));
        Assert.Equal(1_000m, plans.Sum(p => p.ReservedNotional));

        trader.Completed(plans[0]); // an execution that filled nothing gives its room back
        var next = trader.OnBookUpdated(deep, Now);
        Assert.Equal(4m, next?.Spot.Quantity);
    }

    [Fact]
    public void Held_notional_counts_against_MAX_POSITION_USD()
    {
        var trader = Trader(ScriptedEstimator.Always(EdgeAction.Open), Options(maxPositionUsd: 1_000m, riskPerTrade: 0.000024m, parallel: 8));
        BookOpen(trader, 7m); // perp short 7: 699.3 at the 99.9 bid
        var deep = Book(MarketCategory.Spot, [(99.9m, 1_000m)], [(100m, 1_000m)]);
        var perp = Book(MarketCategory.Linear, [(101m, 1_000m)], [(101.1m, 1_000m)]);

        var plan = Warm(trader, deep, perp, Now);

        Assert.Equal(3m, plan?.Spot.Quantity); // 300.7 left: 3.01 at the bid, 3.00 on the step
    }

    [Fact]
    public void A_close_waits_for_the_open_in_flight_and_unwinds_the_booked_spot_rounded_down_and_the_whole_perp()
    {
        var estimator = new ScriptedEstimator(f => new EdgeDecision(f.HeldQuantity == 0m ? EdgeAction.Open : EdgeAction.Close));
        var trader = Trader(estimator);
        var open = Warm(trader, Spot(), Perp(), Now);
        Assert.NotNull(open);

        // The open's fills arrive while it is still in flight: 9.99 bought, 0.00999 of it taken as fee.
        BookOpen(trader, open.Spot.Quantity, 100.07m, 100.94m);
        Assert.Equal((9.98001m, -9.99m), (trader.Portfolio.Spot.Quantity, trader.Portfolio.Perp.Quantity));
        Assert.Null(trader.OnBookUpdated(Spot(), Now));
        Assert.Equal(9.99m, estimator.Seen[^1].HeldQuantity); // it was asked with the position held, and said close

        trader.Completed(open);
        var close = trader.OnBookUpdated(Spot(), Now);

        Assert.NotNull(close);
        Assert.Equal(PairKind.Close, close.Kind);
        Assert.Equal((TradeSide.Sell, 9.98m, 99.8m), (close.Spot.Side, close.Spot.Quantity, close.Spot.LimitPrice));
        Assert.Equal((TradeSide.Buy, 9.99m, 101.2m, true), (close.Perp.Side, close.Perp.Quantity, close.Perp.LimitPrice, close.Perp.ReduceOnly));
        Assert.Equal(0m, close.ReservedNotional);
        Assert.Equal(estimator.Seen[^1].CloseEdgeBps, close.EdgeBps);

        // While the close runs nothing else starts, an open included.
        estimator.Decision = _ => new EdgeDecision(EdgeAction.Open);
        Assert.Null(trader.OnBookUpdated(Spot(), Now));
        estimator.Decision = _ => new EdgeDecision(EdgeAction.Close);
        Assert.Null(trader.OnBookUpdated(Spot(), Now));
        Assert.Equal(1, trader.InFlight);
    }

    [Fact]
    public void A_close_is_planned_by_the_threshold_estimator_once_the_basis_came_back_to_EXIT_EDGE_BPS()
    {
        var trader = Trader(Threshold(entry: 20m, exit: -40m));
        BookOpen(trader, 5m);

        Assert.Null(Warm(trader, Spot(), Perp(), Now)); // unwinding at these books would cost about 136 bps

        // The perp comes back to spot: unwinding now costs 20 bps of spread and 15.5 of fees.
        var converged = Book(MarketCategory.Linear, [(100m, 10m)], [(100.1m, 10m)]);
        var close = trader.OnBookUpdated(converged, Now);

        Assert.Equal(PairKind.Close, close?.Kind);
        Assert.Equal((4.995m, 5m), (close!.Spot.Quantity, close.Perp.Quantity));
    }

    [Fact]
    public void An_unhedged_position_found_at_start_up_is_closed_once_then_trading_resumes_but_not_while_shutting_down()
    {
        var estimator = ScriptedEstimator.Always(EdgeAction.Hold);
        var trader = Trader(estimator, Options(window: 100));
        trader.Book(Fill(MarketCategory.Linear, TradeSide.Sell, 2m, 101m, 0.1m, "USDT", "lone-perp")); // a crash between the legs
        trader.FlattenOnce();

        var close = trader.OnBookUpdated(Spot(), Now);
        Assert.Null(close); // one book is not enough
        close = trader.OnBookUpdated(Perp(), Now);
        Assert.Equal((PairKind.Close, 0m, 2m), (close?.Kind, close!.Spot.Quantity, close.Perp.Quantity)); // the lone leg only
        trader.Book(Fill(MarketCategory.Linear, TradeSide.Buy, 2m, 101.1m, 0.1m, "USDT", "c-p"));
        trader.Completed(close);
        Assert.Null(trader.OnBookUpdated(Spot(), Now)); // flat: the rebalance is over
        Assert.True(trader.IsFlatAndIdle);

        var stopping = Trader(estimator, Options(window: 100));
        stopping.Book(Fill(MarketCategory.Linear, TradeSide.Sell, 2m, 101m, 0.1m, "USDT", "lone-perp-2"));
        stopping.FlattenOnce();
        stopping.Halt(flatten: false);
        Assert.Null(stopping.OnBookUpdated(Spot(), Now));
        Assert.Null(stopping.OnBookUpdated(Perp(), Now)); // a halt without flatten starts nothing, not even the rebalance
    }

    [Fact]
    public void Halt_with_flatten_closes_the_position_whatever_the_estimator_says_even_before_the_window_is_warm()
    {
        var estimator = ScriptedEstimator.Always(EdgeAction.Hold);
        var trader = Trader(estimator, Options(window: 100));
        BookOpen(trader, 2m);
        Assert.Null(trader.OnBookUpdated(Spot(), Now));
        Assert.Null(trader.OnBookUpdated(Perp(), Now));

        trader.Halt(flatten: true);
        var close = trader.OnBookUpdated(Spot(), Now);

        Assert.Equal(PairKind.Close, close?.Kind);
        Assert.Equal((1.998m, 2m), (close!.Spot.Quantity, close.Perp.Quantity));
        Assert.Null(trader.OnBookUpdated(Spot(), Now)); // one close at a time

        // Once it filled and completed, the trader is flat, idle, and stays so.
        trader.Book(Fill(MarketCategory.Spot, TradeSide.Sell, 1.998m, 99.9m, 0.2m, "USDT", "c-s"));
        trader.Book(Fill(MarketCategory.Linear, TradeSide.Buy, 2m, 101.1m, 0.1m, "USDT", "c-p"));
        trader.Completed(close);
        Assert.True(trader.IsFlatAndIdle);
        estimator.Decision = _ => new EdgeDecision(EdgeAction.Open);
        Assert.Null(trader.OnBookUpdated(Spot(), Now));
    }

    [Fact]
    public void Halt_without_flatten_stops_opening_but_leaves_the_position_alone()
    {
        var estimator = ScriptedEstimator.Always(EdgeAction.Open);
        var trader = Trader(estimator);
        var open = Warm(trader, Spot(), Perp(), Now);
        Assert.NotNull(open);
        trader.Completed(open);
        trader.Halt(flatten: false);

        Assert.Null(trader.OnBookUpdated(Spot(), Now));

        BookOpen(trader, 1m);
        estimator.Decision = _ => new EdgeDecision(EdgeAction.Close);
        Assert.Null(trader.OnBookUpdated(Spot(), Now));
        Assert.Equal(0, trader.InFlight);
    }

    [Fact]
    public void A_stale_or_crossed_book_gives_no_plan()
    {
        var trader = Trader(ScriptedEstimator.Always(EdgeAction.Open), Options(parallel: 100, maxPositionUsd: 100_000m, riskPerTrade: 0.000024m));
        var spot = Spot();
        Assert.NotNull(Warm(trader, spot, Perp(), Now));

        spot.MarkStale("gap");
        Assert.Null(trader.OnBookUpdated(spot, Now));
        Assert.Equal(SymbolTradingState.Stale, trader.Status(Now).State);
        Assert.Null(trader.Status(Now).OpenEdgeBps);

        // A fresh snapshot makes it tradeable again: the refusal above was the staleness.
        Assert.NotNull(trader.OnBookUpdated(Spot(), Now));

        var crossed = new Arb.Domain.Books.OrderBook(Symbol, MarketCategory.Linear, 50);
        crossed.ApplySnapshot([new(101.5m, 1m)], [new(101.1m, 1m)], 9, 9, Now);
        Assert.False(crossed.IsValid);
        Assert.Null(trader.OnBookUpdated(crossed, Now));
        Assert.Null(trader.OnBookUpdated(Spot(), Now)); // the perp it has is the crossed one

        // A one-sided book cannot be priced either.
        Assert.Null(trader.OnBookUpdated(Book(MarketCategory.Linear, PerpBids, []), Now));
    }

    [Fact]
    public void The_reverse_open_is_offered_only_when_the_spot_coin_is_held_and_ALLOW_REVERSE()
    {
        // Spot above the perp: selling spot and buying the perp earns the gap.
        var spot = Book(MarketCategory.Spot, [(101m, 20m)], [(101.1m, 20m)]);
        var perp = Book(MarketCategory.Linear, [(99.9m, 20m)], [(100m, 20m)]);

        Assert.Null(Warm(Trader(Threshold(allowReverse: true), spotCoin: 0m), spot, perp, Now));
        Assert.Null(Warm(Trader(Threshold(allowReverse: true), spotCoin: 5m), spot, perp, Now)); // less than the 9.89 it would sell
        Assert.Null(Warm(Trader(Threshold(allowReverse: false), spotCoin: 20m), spot, perp, Now));

        var plan = Warm(Trader(Threshold(allowReverse: true), spotCoin: 20m), spot, perp, Now);

        Assert.NotNull(plan);
        Assert.Equal(PairKind.OpenReverse, plan.Kind);
        Assert.Equal((TradeSide.Sell, 101m), (plan.Spot.Side, plan.Spot.LimitPrice));
        Assert.Equal((TradeSide.Buy, 100m), (plan.Perp.Side, plan.Perp.LimitPrice));
        Assert.Equal(plan.Spot.Quantity, plan.Perp.Quantity);
        Assert.True(plan.Spot.Quantity is > 9m and <= 10m);
        Assert.True(plan.EdgeBps >= 20m);
    }

    [Fact]
    public void The_wallet_balance_of_the_coin_decides_whether_a_reverse_can_be_offered()
    {
        var spot = Book(MarketCategory.Spot, [(101m, 20m)], [(101.1m, 20m)]);
        var perp = Book(MarketCategory.Linear, [(99.9m, 20m)], [(100m, 20m)]);
        var trader = Trader(Threshold(allowReverse: true), spotCoin: 0m);
        Assert.Null(Warm(trader, spot, perp, Now));

        trader.OnSpotCoinBalance(15m);

        Assert.Equal(PairKind.OpenReverse, trader.OnBookUpdated(spot, Now)?.Kind);
    }

    [Fact]
    public void Reverse_opens_in_flight_do_not_sell_the_same_coin_twice()
    {
        var spot = Book(MarketCategory.Spot, [(101m, 200m)], [(101.1m, 200m)]);
        var perp = Book(MarketCategory.Linear, [(99.9m, 200m)], [(100m, 200m)]);
        // 400 USDT a trade (3.96 coin), four slots, 10,000 of room: only the 6 coin held limits it.
        var trader = Trader(Threshold(allowReverse: true), Options(maxPositionUsd: 10_000m, riskPerTrade: 0.000024m, parallel: 4), spotCoin: 6m);

        var first = Warm(trader, spot, perp, Now);
        Assert.Equal(PairKind.OpenReverse, first?.Kind);
        var second = trader.OnBookUpdated(spot, Now);

        Assert.Null(second); // 6 − 3.96 left: not enough for another 3.96
        trader.Completed(first!);
        Assert.Equal(PairKind.OpenReverse, trader.OnBookUpdated(spot, Now)?.Kind); // nothing sold after all: the coin is free again
    }

    [Fact]
    public void MAX_DAILY_TRADES_pauses_opens_until_the_next_UTC_day_while_closes_stay_allowed()
    {
        var estimator = new ScriptedEstimator(f => new EdgeDecision(f.HeldQuantity == 0m ? EdgeAction.Open : EdgeAction.Close));
        var trader = Trader(estimator, Options(maxDaily: 2));
        var first = Warm(trader, Spot(), Perp(), Now);
        Assert.NotNull(first);
        trader.Completed(first);
        var second = trader.OnBookUpdated(Spot(), Now + 1);
        Assert.NotNull(second);
        trader.Completed(second);

        Assert.Null(trader.OnBookUpdated(Spot(), Now + 2));
        Assert.Equal((SymbolTradingState.PausedForDay, 2), (trader.Status(Now + 2).State, trader.Status(Now + 2).TradesToday));

        BookOpen(trader, 1m);
        var close = trader.OnBookUpdated(Spot(), Now + 3);
        Assert.Equal(PairKind.Close, close?.Kind);
        trader.Book(Fill(MarketCategory.Spot, TradeSide.Sell, 0.999m, 99.9m, 0.1m, "USDT", "c-s"));
        trader.Book(Fill(MarketCategory.Linear, TradeSide.Buy, 1m, 101.1m, 0.1m, "USDT", "c-p"));
        trader.Completed(close!);

        var midnight = new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Null(trader.OnBookUpdated(Spot(), midnight - 1));
        Assert.Equal(PairKind.Open, trader.OnBookUpdated(Spot(), midnight)?.Kind);
    }

    [Fact]
    public void Fills_and_funding_are_booked_into_the_portfolio_and_the_status()
    {
        var trader = Trader(ScriptedEstimator.Always(EdgeAction.Hold));
        Warm(trader, Spot(), Perp(), Now);

        BookOpen(trader, 2m, 100m, 101m);
        trader.BookFunding(0.5m);
        trader.BookFunding(-0.1m);

        var status = trader.Status(Now);
        Assert.Equal((1.998m, -2m), (status.SpotQuantity, status.PerpQuantity));
        Assert.Equal((100m, 101m), (status.SpotEntryPrice, status.PerpEntryPrice));
        var fees = (0.002m * 100m) + (2m * 101m * PerpFee);
        Assert.Equal((fees, 0.4m), (status.FeesUsd, status.FundingUsd));
        Assert.Equal(0.4m - fees, status.RealizedUsd);
        // Marked at the mids: spot 99.95, perp 101.05.
        Assert.Equal((1.998m * -0.05m) + (2m * -0.05m), status.UnrealizedUsd);
        Assert.Equal(0, status.LegImbalances);
    }

    [Fact]
    public void SLIPPAGE_TOLERANCE_BPS_moves_each_IOC_limit_against_us_on_the_tick_grid_never_past_the_tolerance()
    {
        var options = Options() with { SlippageToleranceBps = 30m };
        var trader = Trader(new ScriptedEstimator(f => Threshold().Decide(f)), options);

        var plan = Warm(trader, Spot(), Perp(), Now);

        Assert.NotNull(plan);
        // Buy spot: 100.1 × 1.003 = 100.4003, down to the 0.01 tick: 100.40. Sell perp: 100.9 × 0.997 = 100.5973, up to the 0.1 tick: 100.6.
        Assert.Equal((100.40m, 100.6m), (plan.Spot.LimitPrice, plan.Perp.LimitPrice));
    }

    [Fact]
    public void A_leg_imbalance_is_counted_against_its_own_symbol_when_its_execution_completes()
    {
        var trader = Trader(ScriptedEstimator.Always(EdgeAction.Open), Options(cooldownSec: 0));
        var first = Warm(trader, Spot(), Perp(), Now);
        Assert.NotNull(first);

        trader.Completed(first, hadImbalance: true);
        var second = trader.OnBookUpdated(Spot(), Now + 1);
        Assert.NotNull(second);
        trader.Completed(second);

        Assert.Equal(1, trader.Status(Now + 1).LegImbalances);
    }
}
