using System.Text;
using Arb.Engine.Backtest;

namespace Arb.Cli.Backtest;

/// <summary>
/// report.html: one self-contained page to open offline. It holds the summary table (the terminal's content), the
/// oracle comparison and risk stop, the input read, the settings used, and the equity, drawdown and basis charts as
/// PNGs inlined as data: URIs. No scripts, fonts, styles or images are fetched, and nothing on the page depends on
/// when it was made, so the same report gives the same file.
/// </summary>
internal static class BacktestHtmlReport
{
    // Inline so the file needs nothing beside it; system fonts only.
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
        table { border-collapse: collapse; margin: 0.5em 0; }
        th, td { padding: 0.25em 0.75em; border-bottom: 1px solid #ddd; text-align: left; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:last-child td { font-weight: bold; }
        table.lines tbody tr:last-child td { font-weight: normal; }
        img { display: block; max-width: 100%; margin: 0.5em 0 1.5em; }
        .note { color: #666; font-style: italic; }
        """;

    /// <summary>The page as text.</summary>
    public static string Render(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>arbbot backtest report</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>arbbot backtest report</h1>\n");

        html.Append("<h2>Result</h2>\n");
        HtmlText.Table(html, BacktestSummaryContent.Headers, BacktestSummaryContent.Rows(report), figures: true);
        html.Append("<p class=\"note\">").Append(HtmlText.Escape(BacktestSummaryContent.Legend)).Append("</p>\n");
        HtmlText.Lines(html, BacktestSummaryContent.Outcome(report));

        html.Append("<h2>Charts</h2>\n");
        Chart(html, "Equity (USDT)", BacktestCharts.Equity(report), "No equity samples: the run saw no data.");
        Chart(html, "Drawdown (USDT below peak)", BacktestCharts.Drawdown(report), "No equity samples: the run saw no data.");
        Chart(html, "Basis (bps) with entries and exits", BacktestCharts.Basis(report), "No basis samples: the run saw no quotes on both legs of a symbol.");

        html.Append("<h2>Input</h2>\n");
        HtmlText.Lines(html, BacktestSummaryContent.Input(report));

        html.Append("<h2>Settings</h2>\n");
        if (report.Settings.Count == 0)
        {
            html.Append("<p class=\"note\">No settings were recorded.</p>\n");
        }
        else
        {
            HtmlText.Lines(html, report.Settings.Select(setting => new SummaryLine(setting.Key, setting.Value)));
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/> as UTF-8 (no byte order mark), replacing any file there.</summary>
    public static void Write(string path, BacktestReport report) => File.WriteAllText(path, Render(report), new UTF8Encoding(false));

    private static void Chart(StringBuilder html, string title, byte[]? png, string whenEmpty)
    {
        html.Append("<h3>").Append(HtmlText.Escape(title)).Append("</h3>\n");
        if (png is null)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Escape(whenEmpty)).Append("</p>\n");
            return;
        }

        html.Append("<img alt=\"").Append(HtmlText.Escape(title)).Append("\" width=\"").Append(BacktestCharts.Width)
            .Append("\" height=\"").Append(BacktestCharts.Height).Append("\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(png)).Append("\">\n");
    }
}
