using Arb.Engine.Backtest;

namespace Arb.Cli.Backtest;

/// <summary>
/// The words and figures of the backtest summary as plain strings, so the terminal table and the HTML report show
/// exactly the same content and each only decides how to lay it out.
/// </summary>
internal static class BacktestSummaryContent
{
    /// <summary>The label of the account's row, after the symbols.</summary>
    public const string TotalLabel = "Total";

    /// <summary>Column headers, in the order of the cells of <see cref="Row"/>.</summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "Symbol", "Trades (open/close)", "Round trips", "Volume USD", "Gross PnL", "Fees", "Funding", "Net PnL",
        "Max drawdown", "Sharpe", "Win rate", "Time in market",
    ];

    /// <summary>Money in USDT, trades are two-leg trades; what a reader needs to know to read the table.</summary>
    public const string Legend = "money in USDT; a trade sends a spot and a perp order; Sharpe annualized from one-minute PnL changes";

    /// <summary>One row per symbol, in the report's order, then the total.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Symbols.Select(Row), Row(report.Total)];
    }

    /// <summary>The cells of one row, under <see cref="Headers"/>.</summary>
    public static IReadOnlyList<string> Row(PnlFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return
        [
            figures.Symbol ?? TotalLabel,
            $"{ReportFormat.Count(figures.Trades)} ({ReportFormat.Count(figures.Opens)}/{ReportFormat.Count(figures.Closes)})",
            ReportFormat.Count(figures.RoundTrips),
            ReportFormat.Money(figures.VolumeUsd),
            ReportFormat.Money(figures.GrossPnlUsd),
            ReportFormat.Money(figures.FeesUsd),
            ReportFormat.Money(figures.FundingUsd),
            ReportFormat.Money(figures.NetPnlUsd),
            ReportFormat.Money(figures.MaxDrawdownUsd),
            ReportFormat.Ratio(figures.Sharpe),
            ReportFormat.Percent(figures.WinRate),
            ReportFormat.Percent(figures.TimeInMarket),
        ];
    }

    /// <summary>How the run compares with the hindsight oracle, and what stopped it if anything did.</summary>
    public static IReadOnlyList<SummaryLine> Outcome(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<SummaryLine>();
        if (report.Oracle is { } oracle)
        {
            lines.Add(new("Oracle net PnL", $"{ReportFormat.Money(oracle.NetPnlUsd)} USDT over {ReportFormat.Count(oracle.RoundTrips)} round trips"));
            lines.Add(new("Share of oracle taken", report.ShareOfOracle is null ? "- (the oracle found nothing to take)" : ReportFormat.Percent(report.ShareOfOracle)));
        }
        else
        {
            lines.Add(new("Oracle net PnL", "- (not computed)"));
        }

        lines.Add(new("Risk stop", report.RiskStop ?? "none"));
        return lines;
    }

    /// <summary>What the run read: rows per market, the data's time span, and the rows it left out and why.</summary>
    public static IReadOnlyList<SummaryLine> Input(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var input = report.Input;
        var lines = new List<SummaryLine>
        {
            new("Files", input.Files.Count == 0 ? ReportFormat.Missing : string.Join(", ", input.Files)),
            new("Rows read", ReportFormat.Count(input.RowsRead)),
        };
        lines.AddRange(input.RowsByMarket.Select(market => new SummaryLine($"Rows {market.Key}", ReportFormat.Count(market.Value))));
        lines.Add(new("Time span", DataSpan(input)));
        lines.Add(new("Bad rows skipped", BadRows(input)));
        lines.Add(new("Rows of other symbols", ReportFormat.Count(input.RowsOtherSymbols)));
        lines.Add(new("Rows outside the window", ReportFormat.Count(input.RowsOutsideWindow)));
        return lines;
    }

    private static string DataSpan(InputSummary input) => input is { FirstTimeMs: { } first, LastTimeMs: { } last }
        ? $"{ReportFormat.UtcTime(first)} to {ReportFormat.UtcTime(last)} ({ReportFormat.Span(last - first)})"
        : "- (no data)";

    private static string BadRows(InputSummary input)
    {
        var total = input.BadRowsSkipped.Values.Sum();
        return total == 0
            ? "0"
            : $"{ReportFormat.Count(total)}: " + string.Join(", ", input.BadRowsSkipped.Select(bad => $"{bad.Key} {ReportFormat.Count(bad.Value)}"));
    }
}
