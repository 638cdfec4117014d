namespace Arb.Engine.Trading;

/// <summary>What one symbol's engine is doing, as an operator would want to read it.</summary>
public enum SymbolTradingState
{
    /// <summary>One of the two books has no valid snapshot yet, or the basis volatility window is still filling.</summary>
    Warming,

    /// <summary>Watching the edge; will trade when the estimator says so.</summary>
    Active,

    /// <summary>At least one two-leg execution is in flight.</summary>
    Executing,

    /// <summary>Within TRADE_COOLDOWN_SEC of the last trade.</summary>
    CoolingDown,

    /// <summary>MAX_DAILY_TRADES reached: no new trades until the next UTC day.</summary>
    PausedForDay,

    /// <summary>A book is stale (gap, silence, reconnect): no decisions until it is rebuilt.</summary>
    Stale,
}
