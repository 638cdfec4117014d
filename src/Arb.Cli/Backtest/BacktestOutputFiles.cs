namespace Arb.Cli.Backtest;

/// <summary>
/// The files a backtest leaves in its output directory. report.json and report.html are written from the report by
/// <see cref="BacktestOutputDirectory"/>; trades.csv and pnl.csv are written by the run itself while it trades, in
/// the same formats as <c>arbbot run</c> (point <c>BacktestOptions.TradesPath</c> and <c>PnlPath</c> at them).
/// </summary>
internal sealed record BacktestOutputFiles(string ReportJson, string ReportHtml, string TradesCsv, string PnlCsv)
{
    public const string ReportJsonName = "report.json";
    public const string ReportHtmlName = "report.html";
    public const string TradesCsvName = "trades.csv";
    public const string PnlCsvName = "pnl.csv";

    /// <summary>The paths of the four files in <paramref name="directory"/>.</summary>
    public static BacktestOutputFiles In(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return new(
            Path.Combine(directory, ReportJsonName),
            Path.Combine(directory, ReportHtmlName),
            Path.Combine(directory, TradesCsvName),
            Path.Combine(directory, PnlCsvName));
    }
}
