using Arb.Engine.Risk;
using static Arb.UnitTests.Engine.Risk.RiskFixture;

namespace Arb.UnitTests.Engine.Risk;

public sealed class DailyDrawdownTests
{
    [Fact]
    public void DAILY_DRAWDOWN_USD_pauses_opens_until_00_00_UTC_then_they_resume_and_closes_stay_allowed_throughout()
    {
        var (risk, time) = Manager(Wide with { DailyDrawdownUsd = 100m });
        Assert.Null(risk.Evaluate(Total(0m)));
        Assert.Null(risk.Evaluate(Total(-99.99m)));
        Assert.Null(risk.Pause);
        Assert.True(risk.CheckOpen(Btc, 10m, ExposureView.Empty).IsAllowed);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(risk.Evaluate(Total(-100m)));

        var pause = risk.Pause;
        Assert.NotNull(pause);
        Assert.Equal((RiskRule.DailyDrawdown, Noon.AddMinutes(1), NextMidnight), (pause.Rule, pause.Time, pause.Until));
        Assert.Equal(
            "the UTC day's PnL -100 USD (-100 now, 0 at the day's start) reached -DAILY_DRAWDOWN_USD 100: no new positions until 2025-03-02 00:00 UTC",
            pause.Message);
        // A pause, not a stop: trading stays Active and closes go through.
        Assert.Equal(TradingState.Active, risk.State);
        Assert.Null(risk.Stop);
        var refused = risk.CheckOpen(Btc, 10m, ExposureView.Empty);
        Assert.Equal((OrderVerdict.Refuse, RiskRule.DailyDrawdown, pause.Message), (refused.Verdict, refused.Rule, refused.Reason));
        Assert.True(risk.CheckClose(Btc, 10m).IsAllowed);

        // Recovering the loss does not lift the pause; further readings do not count it again.
        Assert.Null(risk.Evaluate(Total(50m)));
        Assert.Null(risk.Evaluate(Total(-150m)));
        time.SetUtcNow(NextMidnight.AddTicks(-1));
        Assert.False(risk.CheckOpen(Btc, 10m, ExposureView.Empty).IsAllowed);
        Assert.Same(pause, risk.Pause);

        time.SetUtcNow(NextMidnight);
        Assert.Null(risk.Pause);
        Assert.Equal(OrderCheck.Allow(10m), risk.CheckOpen(Btc, 10m, ExposureView.Empty));
        Assert.Equal(["daily_drawdown=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void The_day_is_measured_from_the_PnL_at_its_first_reading_not_from_zero()
    {
        var (risk, time) = Manager(Wide with { DailyDrawdownUsd = 100m });

        // Yesterday ended 300 up; today starts there.
        Assert.Null(risk.Evaluate(Total(300m)));
        time.SetUtcNow(NextMidnight.AddSeconds(1));
        Assert.Null(risk.Evaluate(Total(320m)));
        Assert.Null(risk.Evaluate(Total(220.01m)));
        Assert.Null(risk.Pause);

        // Still 200 up on the session, but 100 down on the day.
        Assert.Null(risk.Evaluate(Total(220m)));
        Assert.Equal(NextMidnight.AddDays(1), risk.Pause?.Until);
    }

    [Fact]
    public void A_new_day_starts_a_new_baseline_so_yesterday_s_loss_does_not_pause_today_and_a_new_loss_pauses_again()
    {
        var (risk, time) = Manager(Wide with { DailyDrawdownUsd = 100m });
        Assert.Null(risk.Evaluate(Total(0m)));
        Assert.Null(risk.Evaluate(Total(-120m)));
        Assert.NotNull(risk.Pause);

        time.SetUtcNow(NextMidnight.AddSeconds(5));
        Assert.Null(risk.Evaluate(Total(-120m)));
        Assert.Null(risk.Evaluate(Total(-219.99m)));
        Assert.Null(risk.Pause);
        Assert.True(risk.CheckOpen(Btc, 10m, ExposureView.Empty).IsAllowed);

        Assert.Null(risk.Evaluate(Total(-220m)));
        Assert.Equal(NextMidnight.AddDays(1), risk.Pause?.Until);
        Assert.Equal(["daily_drawdown=2"], NonZeroCounts(risk));
    }

    [Fact]
    public void A_stop_wins_over_the_daily_pause_in_the_same_reading()
    {
        var (risk, _) = Manager(Wide with { DailyDrawdownUsd = 100m, MaxDrawdownUsd = 100m });

        Assert.Equal(RiskRule.MaxDrawdown, risk.Evaluate(Total(-100m))?.Rule);

        Assert.Null(risk.Pause);
        Assert.Equal(["max_drawdown=1"], NonZeroCounts(risk));
    }
}
