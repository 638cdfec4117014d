namespace Arb.Cli.Backtest;

/// <summary>What the command line asked of <c>arbbot backtest</c>, as typed.</summary>
internal sealed record BacktestRequest(
    IReadOnlyList<string> Files,
    string? Symbols,
    string? From,
    string? To,
    bool SkipBadRows,
    double LatencyMs,
    string? OutDirectory,
    bool Json,
    IReadOnlyList<string> Sweep,
    bool Oracle);
