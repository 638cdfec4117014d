using Arb.Engine.Risk;
using Arb.Engine.Trading;

namespace Arb.Engine.Backtest;

/// <summary>How a backtest trades: the same engine options, symbol setups and risk limits <c>arbbot run</c> builds from the settings, plus the simulated venue's knobs.</summary>
public sealed record BacktestOptions
{
    /// <summary>The symbols traded (rows of other symbols are counted and left out).</summary>
    public required IReadOnlyList<SymbolSetup> Setups { get; init; }

    public required EngineOptions Engine { get; init; }

    /// <summary>The risk manager's limits; null trades without one (tests and benchmarks).</summary>
    public RiskLimits? Risk { get; init; }

    /// <summary>Spot taker fee the venue charges (SPOT_TAKER_FEE).</summary>
    public decimal SpotTakerFee { get; init; } = 0.001m;

    /// <summary>Perp taker fee the venue charges (PERP_TAKER_FEE).</summary>
    public decimal PerpTakerFee { get; init; } = 0.00055m;

    /// <summary>How long after the decision an order reaches the venue (matched against the book then); zero matches at once.</summary>
    public TimeSpan FillLatency { get; init; }

    /// <summary>Rows before this time (epoch ms) are left out; null keeps from the start.</summary>
    public long? FromMs { get; init; }

    /// <summary>Rows at or after this time are left out; null keeps to the end.</summary>
    public long? ToMs { get; init; }

    /// <summary>Where fills are written in the live trades.csv format; null writes none.</summary>
    public string? TradesPath { get; init; }

    /// <summary>Where PnL rows are written in the live pnl.csv format; null writes none.</summary>
    public string? PnlPath { get; init; }

    /// <summary>Data time between two pnl.csv snapshots (PNL_LOG_SEC).</summary>
    public TimeSpan PnlInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Data time between two equity samples (drawdown, Sharpe, charts).</summary>
    public TimeSpan EquitySampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Data time between two readings of the PnL by the risk manager (as <c>arbbot run</c> does every 250 ms).</summary>
    public TimeSpan RiskInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether to run the hindsight oracle alongside.</summary>
    public bool Oracle { get; init; } = true;

    /// <summary>The settings to echo into the report, name → value.</summary>
    public IReadOnlyDictionary<string, string> SettingsEcho { get; init; } = new Dictionary<string, string>();

    /// <summary>Most points kept per chart series in the report (the figures use every sample).</summary>
    public int MaxChartPoints { get; init; } = 4_000;
}
