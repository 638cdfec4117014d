namespace Arb.Engine.Risk;

/// <summary>
/// The limits the risk manager enforces, in USD, from the risk settings (docs/trading.md, "Risk limits").
/// Each property checks its own value, so an instance, including one made with <c>with</c>, is always valid.
/// </summary>
public sealed record RiskLimits
{
    /// <summary>MAX_POSITION_USD: one symbol's held plus in-flight notional.</summary>
    public required decimal MaxPositionUsd
    {
        get;
        init => field = Positive(value, nameof(MaxPositionUsd));
    }

    /// <summary>MAX_EXPOSURE_USD: every symbol's held plus in-flight notional together.</summary>
    public required decimal MaxExposureUsd
    {
        get;
        init => field = Positive(value, nameof(MaxExposureUsd));
    }

    /// <summary>MAX_DRAWDOWN_USD: largest session loss (realized plus unrealized).</summary>
    public required decimal MaxDrawdownUsd
    {
        get;
        init => field = Positive(value, nameof(MaxDrawdownUsd));
    }

    /// <summary>MAX_RELATIVE_DRAWDOWN_USD: largest fall of session PnL from its peak.</summary>
    public required decimal MaxRelativeDrawdownUsd
    {
        get;
        init => field = Positive(value, nameof(MaxRelativeDrawdownUsd));
    }

    /// <summary>MAX_SYMBOL_DRAWDOWN_USD: largest loss of one symbol.</summary>
    public required decimal MaxSymbolDrawdownUsd
    {
        get;
        init => field = Positive(value, nameof(MaxSymbolDrawdownUsd));
    }

    /// <summary>MAX_SYMBOL_REL_DRAWDOWN_USD: largest fall of one symbol's PnL from that symbol's peak.</summary>
    public required decimal MaxSymbolRelDrawdownUsd
    {
        get;
        init => field = Positive(value, nameof(MaxSymbolRelDrawdownUsd));
    }

    /// <summary>DAILY_DRAWDOWN_USD: largest loss within one UTC day before opens pause.</summary>
    public required decimal DailyDrawdownUsd
    {
        get;
        init => field = Positive(value, nameof(DailyDrawdownUsd));
    }

    /// <summary>MAX_CONSECUTIVE_LOSSES: losing round trips in a row that stop the bot.</summary>
    public required int MaxConsecutiveLosses
    {
        get;
        init => field = AtLeastOne(value, nameof(MaxConsecutiveLosses));
    }

    /// <summary>MAX_PROFIT_USD: session profit that stops the bot; 0 disables the target.</summary>
    public required decimal MaxProfitUsd
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MaxProfitUsd));
            field = value;
        }
    }

    /// <summary>ERROR_LIMIT: errors within <see cref="ErrorWindow"/> that stop the bot.</summary>
    public required int ErrorLimit
    {
        get;
        init => field = AtLeastOne(value, nameof(ErrorLimit));
    }

    /// <summary>How long an error counts towards <see cref="ErrorLimit"/>: one minute, as the product defines it.</summary>
    public TimeSpan ErrorWindow
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(ErrorWindow));
            field = value;
        }
    } = TimeSpan.FromMinutes(1);

    public bool HasProfitTarget => MaxProfitUsd > 0m;

    private static decimal Positive(decimal value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        return value;
    }

    private static int AtLeastOne(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, name);
        return value;
    }
}
