using Arb.Engine.Backtest;

namespace Arb.Cli.Backtest;

/// <summary>One combination of a sweep: its setting values (in axis order), its place in the grid, and what the run gave.</summary>
internal sealed record SweepResult(int Index, IReadOnlyDictionary<string, decimal> Values, PnlFigures Total, decimal? ShareOfOracle, string? RiskStop);
