using Arb.Cli.Settings;
using Arb.Domain.Trading;
using Arb.Engine.Execution;
using Arb.Engine.Learning;
using Arb.Engine.Trading;
using Arb.Strategy.Edge;
using Arb.Strategy.Sizing;

namespace Arb.Cli.Trading;

/// <summary>
/// The engine's options and each symbol's estimator from the settings: one place, so <c>arbbot run</c> and
/// <c>arbbot backtest</c> trade by exactly the same rules.
/// </summary>
internal static class EngineConfiguration
{
    public static EngineOptions Options(BotSettings settings, string mode) => new()
    {
        Sizing = new SizingLimits(settings.Risk.AccountEquityUsd, settings.Risk.RiskPerTrade, settings.Risk.MaxPositionUsd),
        ParallelTasks = settings.Engine.ParallelTasks,
        TradeCooldown = settings.Risk.TradeCooldown,
        MaxDailyTrades = settings.Risk.MaxDailyTrades,
        HoldingHorizon = settings.Trading.HoldingHorizon,
        BasisVolWindow = settings.Trading.BasisVolWindow,
        Execution = new ExecutionOptions { LegHedgeTimeout = settings.Trading.LegHedgeTimeout },
        SlippageToleranceBps = settings.Trading.SlippageToleranceBps,
        Mode = mode,
    };

    /// <summary>The threshold estimator of ENTRY_EDGE_BPS, EXIT_EDGE_BPS and ALLOW_REVERSE.</summary>
    public static IEdgeEstimator Threshold(BotSettings settings) =>
        new ThresholdEdgeEstimator(settings.Trading.EntryEdgeBps, settings.Trading.ExitEdgeBps, settings.Trading.AllowReverse);

    /// <summary>
    /// The estimator a symbol trades with: its policy in POLICY_DIR when there is a usable one, else the threshold
    /// estimator (the choice says which, and what is wrong with a policy that could not be used). A new instance per
    /// call: a learner keeps per-run memory and must not be shared between runs.
    /// </summary>
    public static EstimatorChoice Estimator(BotSettings settings, string symbol) =>
        EstimatorChoice.For(settings.Engine.PolicyDirectory, symbol, () => Threshold(settings));
}
