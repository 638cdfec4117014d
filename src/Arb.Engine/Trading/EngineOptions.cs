using Arb.Engine.Execution;
using Arb.Strategy.Sizing;

namespace Arb.Engine.Trading;

/// <summary>The settings the engine trades by (see docs/settings.md for each one's meaning and default).</summary>
public sealed record EngineOptions
{
    /// <summary>ACCOUNT_EQUITY_USD, RISK_PER_TRADE, MAX_POSITION_USD.</summary>
    public required SizingLimits Sizing { get; init; }

    /// <summary>PARALLEL_TASKS: two-leg executions one symbol may have in flight at once.</summary>
    public int ParallelTasks { get; init; } = 4;

    public TimeSpan TradeCooldown { get; init; } = TimeSpan.FromSeconds(0.5);

    public int MaxDailyTrades { get; init; } = 200;

    /// <summary>HOLDING_HORIZON_SEC: how far ahead funding is projected into the open edge.</summary>
    public TimeSpan HoldingHorizon { get; init; } = TimeSpan.FromHours(8);

    /// <summary>BASIS_VOL_WINDOW: basis samples (one per valid book update) in the volatility that scales size.</summary>
    public int BasisVolWindow { get; init; } = 600;

    public ExecutionOptions Execution { get; init; } = new();

    /// <summary>SLIPPAGE_TOLERANCE_BPS: an IOC leg's limit is the depth-walk price moved this far against us (on the tick grid).</summary>
    public decimal SlippageToleranceBps { get; init; }

    /// <summary>live, sim or paper: shown in the status.</summary>
    public string Mode { get; init; } = "sim";
}
