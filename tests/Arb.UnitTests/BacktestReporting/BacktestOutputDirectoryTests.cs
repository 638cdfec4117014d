using Arb.Cli.Backtest;

namespace Arb.UnitTests.BacktestReporting;

public sealed class BacktestOutputDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "arb-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Writes_both_reports_into_a_directory_it_creates()
    {
        var directory = Path.Combine(_root, "runs", "first");
        var report = ReportSamples.Full();

        var files = BacktestOutputDirectory.Write(directory, report);

        Assert.Equal(Path.Combine(directory, "report.json"), files.ReportJson);
        Assert.Equal(Path.Combine(directory, "report.html"), files.ReportHtml);
        Assert.Equal(Path.Combine(directory, "trades.csv"), files.TradesCsv);
        Assert.Equal(Path.Combine(directory, "pnl.csv"), files.PnlCsv);
        Assert.Equal(BacktestReportJson.SerializeToUtf8Bytes(report), File.ReadAllBytes(files.ReportJson));
        Assert.Equal(BacktestHtmlReport.Render(report), File.ReadAllText(files.ReportHtml));
        Assert.False(File.Exists(files.TradesCsv)); // the run writes those, not the report
    }
}
