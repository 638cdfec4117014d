using Arb.Bybit.Connection;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Settings;

/// <summary>
/// The value each setting takes when it is unset or empty. The risk limits are deliberately small next to the default
/// equity so that an unconfigured bot on a real account can only lose a little before it stops.
/// </summary>
public static class SettingDefaults
{
    public const BybitEnvironment BybitEnv = BybitEnvironment.Testnet;
    public const string Symbols = "BTCUSDT,ETHUSDT";
    public const int OrderBookDepth = 50;
    public const decimal LivenessTimeoutSeconds = 30m;

    public const decimal AccountEquityUsd = 10_000m;
    public const decimal RiskPerTrade = 0.01m;
    public const decimal MaxPositionUsd = 1_000m;
    public const decimal MaxExposureUsd = 3_000m;
    public const decimal MaxDrawdownUsd = 200m;
    public const decimal MaxRelativeDrawdownUsd = 150m;
    public const decimal MaxSymbolDrawdownUsd = 100m;
    public const decimal MaxSymbolRelDrawdownUsd = 75m;
    public const decimal DailyDrawdownUsd = 100m;
    public const int MaxConsecutiveLosses = 5;
    public const int MaxDailyTrades = 200;
    public const decimal MaxProfitUsd = 0m;
    public const decimal TradeCooldownSeconds = 0.5m;
    public const int ErrorLimit = 5;

    public const int ParallelTasks = 4;
    public const decimal EntryEdgeBps = 20m;
    public const decimal ExitEdgeBps = -10m;
    public const bool AllowReverse = true;
    public const decimal HoldingHorizonSeconds = 28_800m;
    public const int Leverage = 1;
    public const decimal LegHedgeTimeoutSeconds = 2m;
    public const decimal SlippageToleranceBps = 3m;
    public const decimal SpotTakerFee = 0.001m;
    public const decimal PerpTakerFee = 0.00055m;
    public const int BasisVolWindow = 600;
    public const string PolicyDir = "policies";
    public const bool RlOnlineLearning = false;
    public const LogLevel LogLevel = Microsoft.Extensions.Logging.LogLevel.Information;

    public const string StateFile = "logs/state.json";
    public const string StateBackupFile = "logs/state.bak.json";
    public const decimal StateSaveSeconds = 5m;
    public const string PnlLog = "logs/pnl.csv";
    public const decimal PnlLogSeconds = 10m;
    public const string TradesLog = "logs/trades.csv";

    public const string PromHost = "127.0.0.1";
    public const int PromPort = 8000;

    public const int SmtpPort = 587;
    public const bool SmtpUseTls = true;

    public const string TelegramApiUrl = "https://api.telegram.org";
}
