namespace Arb.Cli.Settings;

/// <summary>
/// Every setting of the bot, validated. Built once at start-up by <see cref="SettingsLoader"/> and passed down;
/// <see cref="object.ToString"/> is safe to log because credentials are <see cref="Secret"/>s.
/// </summary>
public sealed record BotSettings
{
    public required ExchangeSettings Exchange { get; init; }

    public required MarketDataSettings MarketData { get; init; }

    public required RiskSettings Risk { get; init; }

    public required TradingSettings Trading { get; init; }

    public required EngineSettings Engine { get; init; }

    public required PersistenceSettings Persistence { get; init; }

    public required MetricsSettings Metrics { get; init; }

    public required AlertSettings Alerts { get; init; }

    /// <summary>
    /// True when both Bybit credentials are configured. Without them the bot cannot trade on Bybit and, unless
    /// BYBIT_REST_URL / BYBIT_WS_URL point elsewhere, runs against the embedded simulator.
    /// </summary>
    public bool HasApiKeys => Exchange.HasApiKeys;
}
