using Arb.Engine.Risk;

namespace Arb.Cli.Settings;

/// <summary>Capital, sizing and every limit that stops or pauses trading. Amounts are in USD.</summary>
public sealed record RiskSettings
{
    /// <summary>Starting capital that sizing and percentages refer to.</summary>
    public required decimal AccountEquityUsd { get; init; }

    /// <summary>Share of equity put at risk by one trade (0.01 = 1%).</summary>
    public required decimal RiskPerTrade { get; init; }

    /// <summary>Largest notional of a single position.</summary>
    public required decimal MaxPositionUsd { get; init; }

    /// <summary>Largest sum of open notionals across all symbols.</summary>
    public required decimal MaxExposureUsd { get; init; }

    /// <summary>Stop when realized plus unrealized PnL falls to minus this amount (or below).</summary>
    public required decimal MaxDrawdownUsd { get; init; }

    /// <summary>Stop when total PnL falls this far below its peak (the peak survives restarts).</summary>
    public required decimal MaxRelativeDrawdownUsd { get; init; }

    /// <summary>Stop when one symbol's PnL falls to minus this amount (or below).</summary>
    public required decimal MaxSymbolDrawdownUsd { get; init; }

    /// <summary>Stop when one symbol's PnL falls this far below that symbol's peak.</summary>
    public required decimal MaxSymbolRelDrawdownUsd { get; init; }

    /// <summary>Pause new positions until 00:00 UTC when the UTC day's PnL reaches minus this amount.</summary>
    public required decimal DailyDrawdownUsd { get; init; }

    /// <summary>Stop after this many losing trades in a row.</summary>
    public required int MaxConsecutiveLosses { get; init; }

    /// <summary>Pause a symbol after this many trades in one day.</summary>
    public required int MaxDailyTrades { get; init; }

    /// <summary>Stop once session profit reaches this amount; 0 means no profit target.</summary>
    public required decimal MaxProfitUsd { get; init; }

    /// <summary>Minimum delay between two trades in the same symbol.</summary>
    public required TimeSpan TradeCooldown { get; init; }

    /// <summary>Stop when this many errors happen within one minute.</summary>
    public required int ErrorLimit { get; init; }

    /// <summary>The limits the risk manager enforces (sizing settings and MAX_DAILY_TRADES are applied elsewhere).</summary>
    public RiskLimits ToRiskLimits() => new()
    {
        MaxPositionUsd = MaxPositionUsd,
        MaxExposureUsd = MaxExposureUsd,
        MaxDrawdownUsd = MaxDrawdownUsd,
        MaxRelativeDrawdownUsd = MaxRelativeDrawdownUsd,
        MaxSymbolDrawdownUsd = MaxSymbolDrawdownUsd,
        MaxSymbolRelDrawdownUsd = MaxSymbolRelDrawdownUsd,
        DailyDrawdownUsd = DailyDrawdownUsd,
        MaxConsecutiveLosses = MaxConsecutiveLosses,
        MaxProfitUsd = MaxProfitUsd,
        ErrorLimit = ErrorLimit,
    };

    internal static RiskSettings Read(SettingReader reader) => new()
    {
        AccountEquityUsd = reader.Usd(SettingNames.AccountEquityUsd, SettingDefaults.AccountEquityUsd),
        RiskPerTrade = reader.Fraction(SettingNames.RiskPerTrade, SettingDefaults.RiskPerTrade),
        MaxPositionUsd = reader.Usd(SettingNames.MaxPositionUsd, SettingDefaults.MaxPositionUsd),
        MaxExposureUsd = reader.Usd(SettingNames.MaxExposureUsd, SettingDefaults.MaxExposureUsd),
        MaxDrawdownUsd = reader.Usd(SettingNames.MaxDrawdownUsd, SettingDefaults.MaxDrawdownUsd),
        MaxRelativeDrawdownUsd = reader.Usd(SettingNames.MaxRelativeDrawdownUsd, SettingDefaults.MaxRelativeDrawdownUsd),
        MaxSymbolDrawdownUsd = reader.Usd(SettingNames.MaxSymbolDrawdownUsd, SettingDefaults.MaxSymbolDrawdownUsd),
        MaxSymbolRelDrawdownUsd = reader.Usd(SettingNames.MaxSymbolRelDrawdownUsd, SettingDefaults.MaxSymbolRelDrawdownUsd),
        DailyDrawdownUsd = reader.Usd(SettingNames.DailyDrawdownUsd, SettingDefaults.DailyDrawdownUsd),
        MaxConsecutiveLosses = reader.Integer(SettingNames.MaxConsecutiveLosses, SettingDefaults.MaxConsecutiveLosses, min: 1),
        MaxDailyTrades = reader.Integer(SettingNames.MaxDailyTrades, SettingDefaults.MaxDailyTrades, min: 1),
        MaxProfitUsd = reader.Usd(SettingNames.MaxProfitUsd, SettingDefaults.MaxProfitUsd, zeroDisables: true),
        TradeCooldown = reader.Seconds(SettingNames.TradeCooldownSec, SettingDefaults.TradeCooldownSeconds, allowZero: true),
        ErrorLimit = reader.Integer(SettingNames.ErrorLimit, SettingDefaults.ErrorLimit, min: 1),
    };
}
