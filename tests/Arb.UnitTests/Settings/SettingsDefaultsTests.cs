using Arb.Bybit.Connection;
using Microsoft.Extensions.Logging;

namespace Arb.UnitTests.Settings;

public sealed class SettingsDefaultsTests
{
    [Fact]
    public void Nothing_set_gives_the_documented_defaults()
    {
        var s = SettingsTestHelpers.Load();

        Assert.Equal(BybitEnvironment.Testnet, s.Exchange.Environment);
        Assert.False(s.HasApiKeys);
        Assert.False(s.Exchange.ApiKey.IsSet);
        Assert.False(s.Exchange.ApiSecret.IsSet);
        Assert.Null(s.Exchange.RestUrl);
        Assert.Null(s.Exchange.WsUrl);

        Assert.Equal(["BTCUSDT", "ETHUSDT"], s.MarketData.Symbols);
        Assert.Equal(50, s.MarketData.OrderBookDepth);
        Assert.Equal(TimeSpan.FromSeconds(30), s.MarketData.LivenessTimeout);

        Assert.Equal(10_000m, s.Risk.AccountEquityUsd);
        Assert.Equal(0.01m, s.Risk.RiskPerTrade);
        Assert.Equal(1_000m, s.Risk.MaxPositionUsd);
        Assert.Equal(3_000m, s.Risk.MaxExposureUsd);
        Assert.Equal(200m, s.Risk.MaxDrawdownUsd);
        Assert.Equal(150m, s.Risk.MaxRelativeDrawdownUsd);
        Assert.Equal(100m, s.Risk.MaxSymbolDrawdownUsd);
        Assert.Equal(75m, s.Risk.MaxSymbolRelDrawdownUsd);
        Assert.Equal(100m, s.Risk.DailyDrawdownUsd);
        Assert.Equal(5, s.Risk.MaxConsecutiveLosses);
        Assert.Equal(200, s.Risk.MaxDailyTrades);
        Assert.Equal(0m, s.Risk.MaxProfitUsd);
        Assert.Equal(TimeSpan.FromMilliseconds(500), s.Risk.TradeCooldown);
        Assert.Equal(5, s.Risk.ErrorLimit);

        Assert.Equal(4, s.Engine.ParallelTasks);
        Assert.Equal("policies", s.Engine.PolicyDirectory);
        Assert.Equal(LogLevel.Information, s.Engine.LogLevel);

        Assert.Equal("logs/state.json", s.Persistence.StateFile);
        Assert.Equal("logs/state.bak.json", s.Persistence.StateBackupFile);
        Assert.Equal(TimeSpan.FromSeconds(5), s.Persistence.StateSaveInterval);
        Assert.Equal("logs/pnl.csv", s.Persistence.PnlLog);
        Assert.Equal("logs/trades.csv", s.Persistence.TradesLog);

        Assert.Equal("127.0.0.1", s.Metrics.Host);
        Assert.Equal(8000, s.Metrics.Port);

        Assert.Null(s.Alerts.Email);
        Assert.Null(s.Alerts.Telegram);
    }

    [Fact]
    public void Blank_values_count_as_unset()
    {
        var s = SettingsTestHelpers.Load(("PROM_PORT", ""), ("SYMBOLS", "   "), ("BYBIT_API_KEY", ""), ("LOG_LEVEL", null));

        Assert.Equal(8000, s.Metrics.Port);
        Assert.Equal(["BTCUSDT", "ETHUSDT"], s.MarketData.Symbols);
        Assert.False(s.HasApiKeys);
        Assert.Equal(LogLevel.Information, s.Engine.LogLevel);
    }

    [Fact]
    public void Valid_values_are_parsed_with_the_invariant_culture_and_trimmed()
    {
        var s = SettingsTestHelpers.Load(
            ("MAX_POSITION_USD", " 2500.75 "),
            ("RISK_PER_TRADE", "1"),
            ("TRADE_COOLDOWN_SEC", "0"),
            ("STATE_SAVE_SEC", "0.25"),
            ("MAX_PROFIT_USD", "0"),
            ("PARALLEL_TASKS", "+8"),
            ("ORDERBOOK_DEPTH", "1000"),
            ("LOG_LEVEL", "Warning"),
            ("PROM_HOST", "0.0.0.0"),
            ("PROM_PORT", "65535"),
            ("POLICY_DIR", "/var/lib/arb/policies"));

        Assert.Equal(2500.75m, s.Risk.MaxPositionUsd);
        Assert.Equal(1m, s.Risk.RiskPerTrade);
        Assert.Equal(TimeSpan.Zero, s.Risk.TradeCooldown);
        Assert.Equal(TimeSpan.FromMilliseconds(250), s.Persistence.StateSaveInterval);
        Assert.Equal(0m, s.Risk.MaxProfitUsd);
        Assert.Equal(8, s.Engine.ParallelTasks);
        Assert.Equal(1000, s.MarketData.OrderBookDepth);
        Assert.Equal(LogLevel.Warning, s.Engine.LogLevel);
        Assert.Equal("0.0.0.0", s.Metrics.Host);
        Assert.Equal(65535, s.Metrics.Port);
        Assert.Equal("/var/lib/arb/policies", s.Engine.PolicyDirectory);
    }
}
