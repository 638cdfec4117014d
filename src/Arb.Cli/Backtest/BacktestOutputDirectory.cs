using Arb.Engine.Backtest;

namespace Arb.Cli.Backtest;

/// <summary>
/// Writes a finished backtest's report.json and report.html into its output directory (creating it), beside the
/// trades.csv and pnl.csv the run wrote there (see <see cref="BacktestOutputFiles"/>).
/// </summary>
internal static class BacktestOutputDirectory
{
    /// <summary>Writes both report files into <paramref name="directory"/> and returns the paths of every output file.</summary>
    public static BacktestOutputFiles Write(string directory, BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var files = BacktestOutputFiles.In(directory);
        BacktestReportJson.Write(files.ReportJson, report);
        BacktestHtmlReport.Write(files.ReportHtml, report);
        return files;
    }
}
