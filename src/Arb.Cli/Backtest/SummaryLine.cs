namespace Arb.Cli.Backtest;

/// <summary>One labelled line under the summary table (the oracle's result, the risk stop, a fact about the input).</summary>
internal sealed record SummaryLine(string Label, string Value);
