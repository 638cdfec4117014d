using Arb.Cli;
using Arb.Engine.Risk;
using Arb.UnitTests.Settings;
using static Arb.UnitTests.Engine.Risk.RiskFixture;

namespace Arb.UnitTests.Engine.Risk;

public sealed class RiskLimitsTests
{
    [Fact]
    public void The_settings_map_onto_the_limits_with_a_one_minute_error_window()
    {
        var settings = SettingsTestHelpers.Load(("MAX_PROFIT_USD", "75.5"), ("ERROR_LIMIT", "3"), ("MAX_EXPOSURE_USD", "2500"));

        var limits = settings.Risk.ToRiskLimits();

        Assert.Equal(Defaults with { MaxProfitUsd = 75.5m, ErrorLimit = 3, MaxExposureUsd = 2_500m }, limits);
        Assert.Equal(TimeSpan.FromMinutes(1), limits.ErrorWindow);
        Assert.True(limits.HasProfitTarget);
        Assert.False(Defaults.HasProfitTarget);
    }

    [Fact]
    public void Amount_limits_must_be_positive_even_when_made_with_with()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults with { MaxPositionUsd = 0m });
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults with { MaxExposureUsd = -1m });
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults with { MaxDrawdownUsd = 0m });
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults with { MaxRelativeDrawdownUsd = 0m });
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults with { MaxSymbolDrawdownUsd = 0m });
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults with { MaxSymbolRelDrawdownUsd = 0m });
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults with { DailyDrawdownUsd = 0m });
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults with { MaxProfitUsd = -0.01m });
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults with { MaxConsecutiveLosses = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults with { ErrorLimit = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults with { ErrorWindow = TimeSpan.Zero });
    }

    [Fact]
    public void A_risk_stop_exits_with_its_own_code()
    {
        Assert.Equal(3, ExitCodes.RiskStop);
        Assert.Equal(4, new[] { ExitCodes.Ok, ExitCodes.Failure, ExitCodes.BadConfiguration, ExitCodes.RiskStop }.Distinct().Count());
    }

    [Fact]
    public void Every_rule_has_a_distinct_label()
    {
        var labels = Enum.GetValues<RiskRule>().Select(r => r.Label()).ToList();

        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enum.GetValues<RiskRule>().Where(r => r != RiskRule.NotActive), RiskRules.Counted);
    }

    [Fact]
    public void The_PnL_view_reads_the_engine_status()
    {
        var status = new Arb.Engine.Trading.EngineStatus(Noon, "sim", 10_000m,
        [
            new(Btc, Arb.Engine.Trading.SymbolTradingState.Active, null, null, null, null, 0m, 0m, 0m, 0m, -12.5m, 3m, 1m, 0.2m, 0, 0, 0),
            new(Eth, Arb.Engine.Trading.SymbolTradingState.Active, null, null, null, null, 0m, 0m, 0m, 0m, 4m, -1m, 1m, 0m, 0, 0, 0),
        ]);

        var pnl = PnlView.From(status);

        Assert.Equal([new SymbolPnl(Btc, -12.5m, 3m), new SymbolPnl(Eth, 4m, -1m)], pnl.Symbols);
        Assert.Equal(-6.5m, pnl.TotalUsd);
    }
}
