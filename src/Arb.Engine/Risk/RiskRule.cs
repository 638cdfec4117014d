namespace Arb.Engine.Risk;

/// <summary>The rule behind a stop, a pause or a refused order; <see cref="RiskRules.Label"/> names it for metrics.</summary>
public enum RiskRule
{
    /// <summary>MAX_DRAWDOWN_USD: session PnL at or below minus the limit (stop).</summary>
    MaxDrawdown,

    /// <summary>MAX_RELATIVE_DRAWDOWN_USD: session PnL that far below its peak (stop).</summary>
    MaxRelativeDrawdown,

    /// <summary>MAX_SYMBOL_DRAWDOWN_USD: one symbol's PnL at or below minus the limit (stop).</summary>
    MaxSymbolDrawdown,

    /// <summary>MAX_SYMBOL_REL_DRAWDOWN_USD: one symbol's PnL that far below that symbol's peak (stop).</summary>
    MaxSymbolRelDrawdown,

    /// <summary>MAX_CONSECUTIVE_LOSSES: that many losing round trips in a row (stop).</summary>
    MaxConsecutiveLosses,

    /// <summary>MAX_PROFIT_USD: session PnL reached the profit target (stop).</summary>
    MaxProfit,

    /// <summary>ERROR_LIMIT: that many errors within the error window (stop).</summary>
    ErrorLimit,

    /// <summary>DAILY_DRAWDOWN_USD: the UTC day's PnL at or below minus the limit (opens paused until 00:00 UTC).</summary>
    DailyDrawdown,

    /// <summary>MAX_POSITION_USD: an open would make one symbol's position too large (shrunk or refused).</summary>
    MaxPosition,

    /// <summary>MAX_EXPOSURE_USD: an open would make all positions together too large (shrunk or refused).</summary>
    MaxExposure,

    /// <summary>
    /// An open asked for while trading is not <see cref="TradingState.Active"/>. Never counted: the stop that
    /// caused it already was.
    /// </summary>
    NotActive,
}

public static class RiskRules
{
    /// <summary>The rules counted in <c>risk_violation_total</c>, in label order of the enum.</summary>
    public static IReadOnlyList<RiskRule> Counted { get; } =
    [
        RiskRule.MaxDrawdown,
        RiskRule.MaxRelativeDrawdown,
        RiskRule.MaxSymbolDrawdown,
        RiskRule.MaxSymbolRelDrawdown,
        RiskRule.MaxConsecutiveLosses,
        RiskRule.MaxProfit,
        RiskRule.ErrorLimit,
        RiskRule.DailyDrawdown,
        RiskRule.MaxPosition,
        RiskRule.MaxExposure,
    ];

    /// <summary>The metric label: the setting's name in snake case without the unit.</summary>
    public static string Label(this RiskRule rule) => rule switch
    {
        RiskRule.MaxDrawdown => "max_drawdown",
        RiskRule.MaxRelativeDrawdown => "max_relative_drawdown",
        RiskRule.MaxSymbolDrawdown => "max_symbol_drawdown",
        RiskRule.MaxSymbolRelDrawdown => "max_symbol_rel_drawdown",
        RiskRule.MaxConsecutiveLosses => "max_consecutive_losses",
        RiskRule.MaxProfit => "max_profit",
        RiskRule.ErrorLimit => "error_limit",
        RiskRule.DailyDrawdown => "daily_drawdown",
        RiskRule.MaxPosition => "max_position",
        RiskRule.MaxExposure => "max_exposure",
        RiskRule.NotActive => "not_active",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown risk rule"),
    };
}
