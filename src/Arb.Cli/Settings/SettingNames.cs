namespace Arb.Cli.Settings;

/// <summary>
/// The environment variable names the bot reads. The names from the product description are a contract with
/// existing deployments, so they are spelled exactly as there.
/// </summary>
public static class SettingNames
{
    // Exchange
    public const string BybitApiKey = "BYBIT_API_KEY";
    public const string BybitApiSecret = "BYBIT_API_SECRET";
    public const string BybitEnv = "BYBIT_ENV";
    public const string BybitRestUrl = "BYBIT_REST_URL";
    public const string BybitWsUrl = "BYBIT_WS_URL";

    // Market data
    public const string Symbols = "SYMBOLS";
    public const string OrderBookDepth = "ORDERBOOK_DEPTH";
    public const string WsLivenessTimeout = "WS_LIVENESS_TIMEOUT";
    public const string LivenessTimeout = "LIVENESS_TIMEOUT";

    // Risk
    public const string AccountEquityUsd = "ACCOUNT_EQUITY_USD";
    public const string RiskPerTrade = "RISK_PER_TRADE";
    public const string MaxPositionUsd = "MAX_POSITION_USD";
    public const string MaxExposureUsd = "MAX_EXPOSURE_USD";
    public const string MaxDrawdownUsd = "MAX_DRAWDOWN_USD";
    public const string MaxRelativeDrawdownUsd = "MAX_RELATIVE_DRAWDOWN_USD";
    public const string MaxSymbolDrawdownUsd = "MAX_SYMBOL_DRAWDOWN_USD";
    public const string MaxSymbolRelDrawdownUsd = "MAX_SYMBOL_REL_DRAWDOWN_USD";
    public const string DailyDrawdownUsd = "DAILY_DRAWDOWN_USD";
    public const string MaxConsecutiveLosses = "MAX_CONSECUTIVE_LOSSES";
    public const string MaxDailyTrades = "MAX_DAILY_TRADES";
    public const string MaxProfitUsd = "MAX_PROFIT_USD";
    public const string TradeCooldownSec = "TRADE_COOLDOWN_SEC";
    public const string ErrorLimit = "ERROR_LIMIT";

    // Trading
    public const string Mode = "MODE";
    public const string EntryEdgeBps = "ENTRY_EDGE_BPS";
    public const string ExitEdgeBps = "EXIT_EDGE_BPS";
    public const string AllowReverse = "ALLOW_REVERSE";
    public const string HoldingHorizonSec = "HOLDING_HORIZON_SEC";
    public const string Leverage = "LEVERAGE";
    public const string LegHedgeTimeoutSec = "LEG_HEDGE_TIMEOUT_SEC";
    public const string SlippageToleranceBps = "SLIPPAGE_TOLERANCE_BPS";
    public const string SpotTakerFee = "SPOT_TAKER_FEE";
    public const string PerpTakerFee = "PERP_TAKER_FEE";
    public const string BasisVolWindow = "BASIS_VOL_WINDOW";

    // Engine
    public const string ParallelTasks = "PARALLEL_TASKS";
    public const string PolicyDir = "POLICY_DIR";
    public const string RlOnlineLearning = "RL_ONLINE_LEARNING";
    public const string LogLevel = "LOG_LEVEL";

    // Persistence
    public const string StateFile = "STATE_FILE";
    public const string StateBackupFile = "STATE_BACKUP_FILE";
    public const string StateSaveSec = "STATE_SAVE_SEC";
    public const string PnlLog = "PNL_LOG";
    public const string PnlLogSec = "PNL_LOG_SEC";
    public const string TradesLog = "TRADES_LOG";

    // Metrics
    public const string PromHost = "PROM_HOST";
    public const string PromPort = "PROM_PORT";

    // Alerts
    public const string SmtpHost = "SMTP_HOST";
    public const string SmtpPort = "SMTP_PORT";
    public const string SmtpUser = "SMTP_USER";
    public const string SmtpPassword = "SMTP_PASSWORD";
    public const string SmtpUseTls = "SMTP_USE_TLS";
    public const string AlertEmailFrom = "ALERT_EMAIL_FROM";
    public const string AlertEmailTo = "ALERT_EMAIL_TO";
    public const string TelegramBotToken = "TELEGRAM_BOT_TOKEN";
    public const string TelegramChatId = "TELEGRAM_CHAT_ID";
    public const string TelegramApiUrl = "TELEGRAM_API_URL";

    /// <summary>Every name above, in the order they are documented.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        BybitApiKey, BybitApiSecret, BybitEnv, BybitRestUrl, BybitWsUrl,
        Symbols, OrderBookDepth, WsLivenessTimeout, LivenessTimeout,
        AccountEquityUsd, RiskPerTrade, MaxPositionUsd, MaxExposureUsd, MaxDrawdownUsd, MaxRelativeDrawdownUsd,
        MaxSymbolDrawdownUsd, MaxSymbolRelDrawdownUsd, DailyDrawdownUsd, MaxConsecutiveLosses, MaxDailyTrades,
        MaxProfitUsd, TradeCooldownSec, ErrorLimit,
        Mode, EntryEdgeBps, ExitEdgeBps, AllowReverse, HoldingHorizonSec, Leverage, LegHedgeTimeoutSec, SlippageToleranceBps,
        SpotTakerFee, PerpTakerFee, BasisVolWindow,
        ParallelTasks, PolicyDir, RlOnlineLearning, LogLevel,
        StateFile, StateBackupFile, StateSaveSec, PnlLog, PnlLogSec, TradesLog,
        PromHost, PromPort,
        SmtpHost, SmtpPort, SmtpUser, SmtpPassword, SmtpUseTls, AlertEmailFrom, AlertEmailTo,
        TelegramBotToken, TelegramChatId, TelegramApiUrl,
    ];

    /// <summary>The variables whose values must never be shown.</summary>
    public static IReadOnlyList<string> Secrets { get; } = [BybitApiKey, BybitApiSecret, SmtpPassword, TelegramBotToken];
}
