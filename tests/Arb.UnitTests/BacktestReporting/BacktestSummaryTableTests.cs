using Arb.Cli.Backtest;
using Arb.Engine.Backtest;
using Arb.UnitTests.Cli;

namespace Arb.UnitTests.BacktestReporting;

public sealed class BacktestSummaryTableTests
{
    private static string[] Render(BacktestReport report)
    {
        var (console, output) = StatusTableTests.PlainConsole();
        BacktestSummaryTable.Write(console, report);
        return output.ToString().ReplaceLineEndings("\n").Split('\n');
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Each_symbol_and_the_total_get_a_row_with_every_figure_formatted()
    {
        var lines = Render(ReportSamples.Full());

        var btc = Assert.Single(lines, l => l.TrimStart().StartsWith("BTCUSDT", StringComparison.Ordinal));
        Assert.Equal(["BTCUSDT", "4", "(2/2)", "2", "123456.79", "14.88", "5.50", "0.50", "9.87", "7.89", "3.10", "100.0%", "45.7%"], Cells(btc));
        var eth = Assert.Single(lines, l => l.TrimStart().StartsWith("ETHUSDT", StringComparison.Ordinal));
        Assert.Equal(["ETHUSDT", "4", "(2/2)", "2", "123456.79", "7.48", "5.50", "0.50", "2.47", "7.89", "-", "-", "45.7%"], Cells(eth));
        var total = Assert.Single(lines, l => l.TrimStart().StartsWith("Total", StringComparison.Ordinal));
        Assert.Equal(["Total", "4", "(2/2)", "2", "123456.79", "17.35", "5.50", "0.50", "12.34", "7.89", "2.35", "50.0%", "45.7%"], Cells(total));
    }

    [Fact]
    public void Under_the_table_come_the_oracle_share_the_risk_stop_and_the_input()
    {
        var text = string.Join('\n', Render(ReportSamples.Full()));

        Assert.Contains("Oracle net PnL", text, StringComparison.Ordinal);
        Assert.Contains("49.36 USDT over 7 round trips", text, StringComparison.Ordinal);
        Assert.Equal(["Share", "of", "oracle", "taken", "25.0%"], Cells(Assert.Single(text.Split('\n'), l => l.Contains("Share of oracle", StringComparison.Ordinal))));
        Assert.Contains("daily loss limit reached: -100 USDT", text, StringComparison.Ordinal);
        Assert.Contains("Rows BTCUSDT spot", text, StringComparison.Ordinal);
        Assert.Contains("2025-06-01 12:00:00 UTC to 2025-06-01 16:59:00 UTC (04:59:00)", text, StringComparison.Ordinal);
        Assert.Contains("3: BidAboveAsk 2, NotANumber 1", text, StringComparison.Ordinal);
        Assert.Contains("Rows of other symbols", text, StringComparison.Ordinal);
        Assert.Contains("Rows outside the window", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_run_renders_without_an_oracle_or_data()
    {
        var text = string.Join('\n', Render(ReportSamples.Empty()));

        Assert.Contains("- (not computed)", text, StringComparison.Ordinal);
        Assert.Contains("- (no data)", text, StringComparison.Ordinal);
        Assert.Contains("Risk stop", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_output_has_no_escape_codes()
    {
        var text = string.Join('\n', Render(ReportSamples.Full()));

        Assert.DoesNotContain('\u001b', text);
    }
}
