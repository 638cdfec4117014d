using Arb.Engine.Risk;
using static Arb.UnitTests.Engine.Risk.RiskFixture;

namespace Arb.UnitTests.Engine.Risk;

public sealed class RiskPersistenceTests
{
    [Fact]
    public void The_session_peak_survives_a_restart_so_the_relative_drawdown_keeps_its_reference()
    {
        var limits = Wide with { MaxRelativeDrawdownUsd = 150m };
        var (before, _) = Manager(limits);
        Assert.Null(before.Evaluate(Total(120m)));
        Assert.Null(before.Evaluate(Total(40m)));

        var (after, time) = Manager(limits);
        after.Restore(before.Capture());
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(120m, after.PeakPnlUsd);
        // A lower reading after the restart does not move the peak down.
        Assert.Null(after.Evaluate(Total(-29.99m)));
        Assert.Equal(120m, after.PeakPnlUsd);
        Assert.Equal(RiskRule.MaxRelativeDrawdown, after.Evaluate(Total(-30m))?.Rule);
    }

    [Fact]
    public void Symbol_peaks_streak_and_day_baseline_survive_a_restart_the_same_day()
    {
        var limits = Wide with { MaxSymbolRelDrawdownUsd = 75m, DailyDrawdownUsd = 100m };
        var (before, _) = Manager(limits);
        Assert.Null(before.Evaluate(Pnl((Btc, 80m, 0m), (Eth, 40m, 0m))));
        Assert.Null(before.Evaluate(Pnl((Btc, 50m, 0m), (Eth, 40m, 0m))));
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(before.RecordRoundTrip(Btc, -1m));
        }

        var snapshot = before.Capture();
        Assert.Equal((120m, new DateOnly(2025, 3, 1), 120m, 4), (snapshot.PeakPnlUsd, snapshot.Day, snapshot.DayStartPnlUsd, snapshot.ConsecutiveLosses));
        Assert.Equal(80m, snapshot.SymbolPeakPnlUsd[Btc]);
        Assert.Null(snapshot.Stop);
        Assert.Null(snapshot.DailyPause);

        var (after, time) = Manager(limits);
        after.Restore(snapshot);
        time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(4, after.ConsecutiveLosses);
        Assert.Equal((80m, 40m), (after.SymbolPeakPnlUsd(Btc), after.SymbolPeakPnlUsd(Eth)));
        // The day still counts from 120: 20.01 now is 99.99 down on the day.
        Assert.Null(after.Evaluate(Pnl((Btc, 10m, 0m), (Eth, 10.01m, 0m))));
        Assert.Null(after.Pause);
        Assert.Equal(RiskRule.MaxConsecutiveLosses, after.RecordRoundTrip(Eth, -1m)?.Rule);
    }

    [Fact]
    public void A_day_baseline_from_an_earlier_day_is_replaced_at_the_first_reading()
    {
        var limits = Wide with { DailyDrawdownUsd = 100m };
        var (before, _) = Manager(limits);
        Assert.Null(before.Evaluate(Total(500m)));

        var (after, _) = Manager(limits, NextMidnight.AddHours(3));
        after.Restore(before.Capture());
        Assert.Null(after.Evaluate(Total(300m)));
        Assert.Null(after.Evaluate(Total(200.01m)));

        Assert.Null(after.Pause);
        Assert.Equal(new DateOnly(2025, 3, 2), after.Capture().Day);
    }

    [Fact]
    public void A_daily_pause_survives_a_restart_that_day_without_counting_again()
    {
        var limits = Wide with { DailyDrawdownUsd = 100m };
        var (before, _) = Manager(limits);
        Assert.Null(before.Evaluate(Total(0m)));
        Assert.Null(before.Evaluate(Total(-100m)));
        var snapshot = before.Capture();
        Assert.Equal(NextMidnight, snapshot.DailyPause?.Until);

        var (after, time) = Manager(limits, Noon.AddHours(6));
        after.Restore(snapshot);

        Assert.Null(after.Evaluate(Total(-100m)));
        Assert.Equal(RiskRule.DailyDrawdown, after.CheckOpen(Btc, 10m, ExposureView.Empty).Rule);
        Assert.Empty(NonZeroCounts(after));
        time.SetUtcNow(NextMidnight);
        Assert.True(after.CheckOpen(Btc, 10m, ExposureView.Empty).IsAllowed);
        Assert.Null(after.Capture().DailyPause);
    }

    [Fact]
    public void A_restart_does_not_lift_a_stop_it_goes_back_to_reducing_without_counting_again()
    {
        var (before, _) = Manager(Defaults);
        var stop = before.Evaluate(Total(-250m));
        Assert.NotNull(stop);
        before.MarkFlat();

        var (after, _) = Manager(Defaults);
        after.Restore(before.Capture());

        Assert.Equal(TradingState.Reducing, after.State);
        Assert.Equal(stop, after.Stop);
        Assert.Equal(RiskRule.NotActive, after.CheckOpen(Btc, 10m, ExposureView.Empty).Rule);
        Assert.Empty(NonZeroCounts(after));
        Assert.True(after.MarkFlat());
        Assert.Equal(TradingState.Halted, after.State);
    }

    [Fact]
    public void Restoring_is_only_possible_before_anything_is_recorded()
    {
        var snapshot = Manager(Defaults).Risk.Capture();
        var (risk, _) = Manager(Defaults);
        risk.Restore(snapshot);

        Assert.Throws<InvalidOperationException>(() => risk.Restore(snapshot));

        var (used, _) = Manager(Defaults);
        used.RecordError("ws");
        Assert.Throws<InvalidOperationException>(() => used.Restore(snapshot));
    }

    [Fact]
    public void A_fresh_manager_captures_a_zero_state()
    {
        var snapshot = Manager(Defaults).Risk.Capture();

        Assert.Equal((0m, 0m, 0), (snapshot.PeakPnlUsd, snapshot.DayStartPnlUsd, snapshot.ConsecutiveLosses));
        Assert.Null(snapshot.Day);
        Assert.Null(snapshot.DailyPause);
        Assert.Null(snapshot.Stop);
        Assert.Empty(snapshot.SymbolPeakPnlUsd);
    }
}
