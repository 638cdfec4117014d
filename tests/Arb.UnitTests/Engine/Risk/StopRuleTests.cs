using Arb.Engine.Risk;
using static Arb.UnitTests.Engine.Risk.RiskFixture;

namespace Arb.UnitTests.Engine.Risk;

public sealed class StopRuleTests
{
    [Fact]
    public void MAX_DRAWDOWN_USD_stops_at_a_session_loss_of_exactly_the_limit_not_a_cent_before()
    {
        var (risk, time) = Manager(Wide with { MaxDrawdownUsd = 200m });

        // Realized and unrealized both count: -150 realized and -49.99 unrealized is 199.99 lost.
        Assert.Null(risk.Evaluate(Pnl((Btc, -150m, -49.99m))));
        Assert.Equal(TradingState.Active, risk.State);

        time.Advance(TimeSpan.FromSeconds(1));
        var stop = risk.Evaluate(Pnl((Btc, -150m, -30m), (Eth, 0m, -20m)));

        Assert.NotNull(stop);
        Assert.Equal(RiskRule.MaxDrawdown, stop.Rule);
        Assert.Equal(Noon.AddSeconds(1), stop.Time);
        Assert.Null(stop.Symbol);
        Assert.Contains("-200", stop.Message, StringComparison.Ordinal);
        Assert.Contains("MAX_DRAWDOWN_USD 200", stop.Message, StringComparison.Ordinal);
        Assert.Same(stop, risk.Stop);
        Assert.Equal(TradingState.Reducing, risk.State);
        Assert.Equal(["max_drawdown=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void After_a_stop_the_engine_closes_everything_then_MarkFlat_halts()
    {
        var (risk, _) = Manager(Wide with { MaxDrawdownUsd = 200m });
        Assert.False(risk.MarkFlat());
        Assert.Equal(TradingState.Active, risk.State);

        Assert.NotNull(risk.Evaluate(Total(-250m)));
        Assert.Equal(TradingState.Reducing, risk.State);

        Assert.True(risk.MarkFlat());
        Assert.Equal(TradingState.Halted, risk.State);
        Assert.False(risk.MarkFlat());
        Assert.Equal(TradingState.Halted, risk.State);
        Assert.Equal(RiskRule.MaxDrawdown, risk.Stop?.Rule);
    }

    [Fact]
    public void Halt_stops_from_any_state_without_recording_a_stop()
    {
        var (risk, _) = Manager(Defaults);

        risk.Halt();

        Assert.Equal(TradingState.Halted, risk.State);
        Assert.Null(risk.Stop);
        Assert.Empty(NonZeroCounts(risk));
        Assert.Null(risk.Evaluate(Total(-10_000m)));
        Assert.Null(risk.Stop);
    }

    [Fact]
    public void MAX_RELATIVE_DRAWDOWN_USD_stops_at_exactly_the_limit_below_the_session_peak()
    {
        var (risk, _) = Manager(Wide with { MaxRelativeDrawdownUsd = 150m });

        Assert.Null(risk.Evaluate(Total(80m)));
        Assert.Null(risk.Evaluate(Total(120m)));
        Assert.Null(risk.Evaluate(Total(-29.99m)));
        Assert.Equal(120m, risk.PeakPnlUsd);

        var stop = risk.Evaluate(Total(-30m));

        Assert.Equal(RiskRule.MaxRelativeDrawdown, stop?.Rule);
        Assert.Contains("150 below its peak 120", stop?.Message, StringComparison.Ordinal);
        Assert.Equal(TradingState.Reducing, risk.State);
        Assert.Equal(["max_relative_drawdown=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void The_session_peak_starts_at_zero_and_never_goes_backwards()
    {
        var (risk, _) = Manager(Wide with { MaxRelativeDrawdownUsd = 150m });
        Assert.Equal(0m, risk.PeakPnlUsd);

        // A session that only loses measures its drawdown from 0, where it started.
        Assert.Null(risk.Evaluate(Total(-149.99m)));
        Assert.Equal(0m, risk.PeakPnlUsd);

        foreach (var (pnl, peak) in new[] { (50m, 50m), (40m, 50m), (90m, 90m), (-10m, 90m), (89.99m, 90m) })
        {
            Assert.Null(risk.Evaluate(Total(pnl)));
            Assert.Equal(peak, risk.PeakPnlUsd);
        }
    }

    [Fact]
    public void MAX_SYMBOL_DRAWDOWN_USD_stops_on_one_symbol_at_exactly_the_limit_whatever_the_others_made()
    {
        var (risk, _) = Manager(Wide with { MaxSymbolDrawdownUsd = 100m });

        Assert.Null(risk.Evaluate(Pnl((Btc, -60m, -39.99m), (Eth, 500m, 0m))));

        var stop = risk.Evaluate(Pnl((Btc, -60m, -40m), (Eth, 500m, 0m)));

        Assert.Equal((RiskRule.MaxSymbolDrawdown, Btc), (stop?.Rule, stop?.Symbol));
        Assert.StartsWith("BTCUSDT PnL -100 USD", stop?.Message, StringComparison.Ordinal);
        Assert.Equal(["max_symbol_drawdown=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void MAX_SYMBOL_REL_DRAWDOWN_USD_trails_each_symbol_from_its_own_peak()
    {
        var (risk, _) = Manager(Wide with { MaxSymbolRelDrawdownUsd = 75m });

        Assert.Null(risk.Evaluate(Pnl((Btc, 80m, 0m), (Eth, 10m, 0m))));
        // ETH climbs while BTC gives back 74.99: the session made money, BTC is just inside its trail.
        Assert.Null(risk.Evaluate(Pnl((Btc, 80m, -74.99m), (Eth, 200m, 0m))));
        Assert.Equal((80m, 200m), (risk.SymbolPeakPnlUsd(Btc), risk.SymbolPeakPnlUsd(Eth)));
        // ETH falls 74 from its 200 peak (but would be 190 under BTC's): only its own peak matters.
        Assert.Null(risk.Evaluate(Pnl((Btc, 80m, -70m), (Eth, 126m, 0m))));

        var stop = risk.Evaluate(Pnl((Btc, 80m, -75m), (Eth, 126m, 0m)));

        Assert.Equal((RiskRule.MaxSymbolRelDrawdown, Btc), (stop?.Rule, stop?.Symbol));
        Assert.Contains("75 below its peak 80", stop?.Message, StringComparison.Ordinal);
        Assert.Equal(["max_symbol_rel_drawdown=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void A_symbol_peak_starts_at_zero_so_a_symbol_that_only_loses_trails_from_zero()
    {
        var (risk, _) = Manager(Wide with { MaxSymbolRelDrawdownUsd = 75m });

        Assert.Null(risk.Evaluate(Pnl((Btc, -74.99m, 0m))));
        Assert.Equal(RiskRule.MaxSymbolRelDrawdown, risk.Evaluate(Pnl((Btc, -75m, 0m)))?.Rule);
    }

    [Fact]
    public void MAX_PROFIT_USD_stops_when_session_PnL_reaches_the_target()
    {
        var (risk, _) = Manager(Wide with { MaxProfitUsd = 50m });

        Assert.Null(risk.Evaluate(Pnl((Btc, 30m, 19.99m))));

        var stop = risk.Evaluate(Pnl((Btc, 30m, 10m), (Eth, 5m, 5m)));

        Assert.Equal(RiskRule.MaxProfit, stop?.Rule);
        Assert.Contains("reached MAX_PROFIT_USD 50", stop?.Message, StringComparison.Ordinal);
        Assert.Equal(TradingState.Reducing, risk.State);
        Assert.Equal(["max_profit=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void MAX_PROFIT_USD_0_disables_the_profit_target()
    {
        var (risk, _) = Manager(Wide with { MaxProfitUsd = 0m });

        Assert.Null(risk.Evaluate(Total(0m)));
        Assert.Null(risk.Evaluate(Total(1_000_000_000m)));
        Assert.Equal(TradingState.Active, risk.State);
    }

    [Fact]
    public void When_several_rules_breach_at_once_the_first_in_the_documented_order_is_the_stop()
    {
        var (risk, _) = Manager(Defaults);

        // Past the session, trailing and per-symbol limits together: the session drawdown is named.
        var stop = risk.Evaluate(Pnl((Btc, -300m, 0m)));

        Assert.Equal(RiskRule.MaxDrawdown, stop?.Rule);
        Assert.Equal(["max_drawdown=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void MAX_CONSECUTIVE_LOSSES_stops_on_the_limit_th_losing_round_trip_in_a_row_across_symbols()
    {
        var (risk, _) = Manager(Defaults);

        for (var i = 1; i <= 4; i++)
        {
            Assert.Null(risk.RecordRoundTrip(i % 2 == 0 ? Btc : Eth, -1.5m));
            Assert.Equal(i, risk.ConsecutiveLosses);
        }

        var stop = risk.RecordRoundTrip(Btc, -0.01m);

        Assert.Equal((RiskRule.MaxConsecutiveLosses, Btc), (stop?.Rule, stop?.Symbol));
        Assert.StartsWith("5 losing round trips in a row", stop?.Message, StringComparison.Ordinal);
        Assert.Equal(TradingState.Reducing, risk.State);
        Assert.Equal(["max_consecutive_losses=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void A_winning_round_trip_resets_the_losing_streak()
    {
        var (risk, _) = Manager(Defaults);

        for (var i = 0; i < 4; i++)
        {
            Assert.Null(risk.RecordRoundTrip(Btc, -10m));
        }

        Assert.Null(risk.RecordRoundTrip(Eth, 0.01m));
        Assert.Equal(0, risk.ConsecutiveLosses);
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(risk.RecordRoundTrip(Btc, -10m));
        }

        // Break-even is not a loss either: it ends the streak too.
        Assert.Null(risk.RecordRoundTrip(Btc, 0m));
        Assert.Equal(0, risk.ConsecutiveLosses);
        Assert.Equal(TradingState.Active, risk.State);
        Assert.Empty(NonZeroCounts(risk));
    }

    [Fact]
    public void ERROR_LIMIT_errors_within_60_s_stop()
    {
        var (risk, time) = Manager(Defaults);

        // Five errors, the last 59.999 s after the first.
        foreach (var gap in new[] { 0, 15_000, 15_000, 15_000 })
        {
            time.Advance(TimeSpan.FromMilliseconds(gap));
            Assert.Null(risk.RecordError("rest"));
        }

        time.Advance(TimeSpan.FromMilliseconds(14_999));
        var stop = risk.RecordError("order_rejected");

        Assert.Equal(RiskRule.ErrorLimit, stop?.Rule);
        Assert.Equal("5 errors within 59.999 s, the last one order_rejected, reached ERROR_LIMIT 5 per 60 s", stop?.Message);
        Assert.Equal(TradingState.Reducing, risk.State);
        Assert.Equal(["error_limit=1"], NonZeroCounts(risk));
    }

    [Fact]
    public void ERROR_LIMIT_errors_spread_over_60_s_or_more_do_not_stop()
    {
        var (risk, time) = Manager(Defaults);

        // Five errors 15 s apart: the first is exactly 60 s old when the fifth comes, so it no longer counts.
        Assert.Null(risk.RecordError("ws"));
        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromSeconds(15));
            Assert.Null(risk.RecordError("ws"));
        }

        // A steady error every 15 s never stops the bot...
        for (var i = 0; i < 20; i++)
        {
            time.Advance(TimeSpan.FromSeconds(15));
            Assert.Null(risk.RecordError("ws"));
        }

        Assert.Equal(TradingState.Active, risk.State);

        // ...but one more error in between makes five within the minute.
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RiskRule.ErrorLimit, risk.RecordError("ws")?.Rule);
    }

    [Fact]
    public void A_stop_caused_while_reducing_is_not_recorded_or_counted_again()
    {
        var (risk, time) = Manager(Defaults);
        var first = risk.Evaluate(Total(-200m));
        Assert.Equal(RiskRule.MaxDrawdown, first?.Rule);

        // The closing trades realize more losses, error, and trip every other rule.
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Null(risk.RecordRoundTrip(Btc, -20m));
            Assert.Null(risk.RecordError("hedge"));
            Assert.Null(risk.Evaluate(Pnl((Btc, -400m, 0m), (Eth, 0m, -1m))));
        }

        Assert.Same(first, risk.Stop);
        Assert.Equal(TradingState.Reducing, risk.State);
        Assert.Equal(["max_drawdown=1"], NonZeroCounts(risk));

        Assert.True(risk.MarkFlat());
        Assert.Null(risk.Evaluate(Total(-1_000m)));
        Assert.Equal(["max_drawdown=1"], NonZeroCounts(risk));
        Assert.Equal(TradingState.Halted, risk.State);
    }

    [Fact]
    public void Peaks_keep_rising_while_reducing()
    {
        var (risk, _) = Manager(Wide with { MaxProfitUsd = 100m });
        Assert.NotNull(risk.Evaluate(Total(100m)));

        Assert.Null(risk.Evaluate(Total(130m)));

        Assert.Equal(130m, risk.PeakPnlUsd);
    }
}
