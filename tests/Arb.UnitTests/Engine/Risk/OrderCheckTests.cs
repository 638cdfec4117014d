using Arb.Engine.Risk;
using static Arb.UnitTests.Engine.Risk.RiskFixture;

namespace Arb.UnitTests.Engine.Risk;

public sealed class OrderCheckTests
{
    [Fact]
    public void An_open_that_fits_both_limits_exactly_is_allowed_and_not_counted()
    {
        var (risk, _) = Manager(Defaults);
        var exposure = Exposure((Btc, 600m, 300m), (Eth, 1_000m, 0m));

        var check = risk.CheckOpen(Btc, 100m, exposure);

        Assert.Equal(OrderCheck.Allow(100m), check);
        Assert.True(check.IsAllowed);
        Assert.Empty(NonZeroCounts(risk));
    }

    [Fact]
    public void MAX_POSITION_USD_shrinks_an_open_to_the_room_left_by_the_held_and_in_flight_notional()
    {
        var (risk, _) = Manager(Defaults);

        // 600 held and 300 reserved by executions in flight leave 100 of the 1000.
        var check = risk.CheckOpen(Btc, 250m, Exposure((Btc, 600m, 300m)));

        Assert.Equal((OrderVerdict.Shrink, 100m, RiskRule.MaxPosition), (check.Verdict, check.NotionalUsd, check.Rule));
        Assert.True(check.IsAllowed);
        Assert.Equal("BTCUSDT: 250 USD on 600 held and 300 in flight would pass MAX_POSITION_USD 1000: shrunk to 100 USD", check.Reason);
        Assert.Equal(["max_position=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void MAX_POSITION_USD_refuses_an_open_when_in_flight_orders_already_fill_the_position()
    {
        var (risk, _) = Manager(Defaults);

        var check = risk.CheckOpen(Btc, 50m, Exposure((Btc, 400m, 600m), (Eth, 0m, 0m)));

        Assert.Equal((OrderVerdict.Refuse, 0m, RiskRule.MaxPosition), (check.Verdict, check.NotionalUsd, check.Rule));
        Assert.False(check.IsAllowed);
        Assert.EndsWith("no room left", check.Reason, StringComparison.Ordinal);
        Assert.Equal(["max_position=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void MAX_EXPOSURE_USD_counts_every_symbol_held_and_in_flight()
    {
        var (risk, _) = Manager(Defaults);
        // 2700 of the 3000 taken, 1200 of it by opens in flight; BTC itself is empty.
        var exposure = Exposure((Btc, 0m, 0m), (Eth, 900m, 100m), ("SOLUSDT", 600m, 1_100m));

        var shrunk = risk.CheckOpen(Btc, 500m, exposure);
        var refused = risk.CheckOpen(Btc, 500m, Exposure((Eth, 1_000m, 0m), ("SOLUSDT", 900m, 100m), ("XRPUSDT", 0m, 1_000m)));

        Assert.Equal((OrderVerdict.Shrink, 300m, RiskRule.MaxExposure), (shrunk.Verdict, shrunk.NotionalUsd, shrunk.Rule));
        Assert.Equal("BTCUSDT: 500 USD on 1500 held and 1200 in flight across all symbols would pass MAX_EXPOSURE_USD 3000: shrunk to 300 USD", shrunk.Reason);
        Assert.Equal((OrderVerdict.Refuse, RiskRule.MaxExposure), (refused.Verdict, refused.Rule));
        Assert.Equal(["max_exposure=2"], NonZeroCounts(risk));
    }

    [Fact]
    public void The_tighter_of_the_two_limits_binds()
    {
        var (risk, _) = Manager(Defaults);

        // Position room 200, exposure room 500: shrunk to 200 by the position limit.
        var byPosition = risk.CheckOpen(Btc, 900m, Exposure((Btc, 800m, 0m), (Eth, 1_700m, 0m)));
        // Position room 1000, exposure room 150: shrunk to 150 by the exposure limit.
        var byExposure = risk.CheckOpen(Btc, 900m, Exposure((Eth, 1_000m, 850m), ("SOLUSDT", 1_000m, 0m)));

        Assert.Equal((200m, RiskRule.MaxPosition), (byPosition.NotionalUsd, byPosition.Rule));
        Assert.Equal((150m, RiskRule.MaxExposure), (byExposure.NotionalUsd, byExposure.Rule));
        Assert.Equal(["max_exposure=1", "max_position=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void Opens_are_refused_without_counting_once_stopped_while_closes_stay_allowed()
    {
        var (risk, _) = Manager(Defaults);
        Assert.NotNull(risk.Evaluate(Total(-500m)));

        var reducing = risk.CheckOpen(Btc, 10m, ExposureView.Empty);
        Assert.Equal((OrderVerdict.Refuse, RiskRule.NotActive), (reducing.Verdict, reducing.Rule));
        Assert.StartsWith("trading is Reducing after a stop: session PnL -500", reducing.Reason, StringComparison.Ordinal);
        Assert.Equal(OrderCheck.Allow(5_000m), risk.CheckClose(Btc, 5_000m));

        risk.MarkFlat();
        Assert.Equal(RiskRule.NotActive, risk.CheckOpen(Btc, 10m, ExposureView.Empty).Rule);
        Assert.True(risk.CheckClose(Btc, 10m).IsAllowed);

        Assert.Equal(["max_drawdown=1"], NonZeroCounts(risk));
        Assert.DoesNotContain("not_active", risk.ViolationCounts().Keys);
    }

    [Fact]
    public void The_counters_list_every_counted_rule_by_label_from_zero()
    {
        var (risk, _) = Manager(Defaults);

        Assert.Equal(
            [
                "daily_drawdown", "error_limit", "max_consecutive_losses", "max_drawdown", "max_exposure", "max_position",
                "max_profit", "max_relative_drawdown", "max_symbol_drawdown", "max_symbol_rel_drawdown",
            ],
            risk.ViolationCounts().Keys.Order(StringComparer.Ordinal));
        Assert.All(risk.ViolationCounts().Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public void Counting_is_exact_under_concurrent_checks()
    {
        var (risk, _) = Manager(Defaults);
        var full = Exposure((Btc, 1_000m, 0m));
        var crowded = Exposure((Eth, 3_000m, 0m));

        Parallel.For(0, 2_000, i => risk.CheckOpen(i % 2 == 0 ? Btc : "SOLUSDT", 10m, i % 2 == 0 ? full : crowded));

        Assert.Equal((1_000, 1_000), (risk.ViolationCount(RiskRule.MaxPosition), risk.ViolationCount(RiskRule.MaxExposure)));
    }

    [Fact]
    public void A_non_positive_notional_is_a_bug_in_the_caller()
    {
        var (risk, _) = Manager(Defaults);

        Assert.Throws<ArgumentOutOfRangeException>(() => risk.CheckOpen(Btc, 0m, ExposureView.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => risk.CheckOpen(Btc, -1m, ExposureView.Empty));
    }
}
