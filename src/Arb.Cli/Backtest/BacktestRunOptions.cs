namespace Arb.Cli.Backtest;

/// <summary>The command line's part of a backtest (the settings give the rest).</summary>
internal sealed record BacktestRunOptions
{
    public TimeSpan FillLatency { get; init; }

    public long? FromMs { get; init; }

    public long? ToMs { get; init; }

    /// <summary>Where report.json, report.html, trades.csv and pnl.csv go; null writes no files.</summary>
    public string? OutDirectory { get; init; }

    public bool Oracle { get; init; } = true;
}
