using System.Text.RegularExpressions;
using Arb.Cli.Backtest;

namespace Arb.UnitTests.BacktestReporting;

public sealed partial class BacktestHtmlReportTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [GeneratedRegex("data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex InlinePng();

    [Fact]
    public void The_page_holds_three_inline_png_charts()
    {
        var html = BacktestHtmlReport.Render(ReportSamples.Full());

        var images = InlinePng().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToArray();

        Assert.Equal(3, images.Length);
        Assert.All(images, png =>
        {
            Assert.Equal(PngSignature, png[..8]);
            Assert.True(png.Length > 5_000, $"a chart of {png.Length} bytes is suspiciously small");
        });
    }

    [Fact]
    public void The_page_shows_the_symbols_the_figures_the_settings_and_the_input()
    {
        var html = BacktestHtmlReport.Render(ReportSamples.Full());

        Assert.Contains("<td>BTCUSDT</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>ETHUSDT</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">12.34</td>", html, StringComparison.Ordinal);
        Assert.Contains("25.0%", html, StringComparison.Ordinal);
        Assert.Contains("<th>PERP_TAKER_FEE</th><td>0.00055</td>", html, StringComparison.Ordinal);
        Assert.Contains("quotes/2025-06-01.csv.gz", html, StringComparison.Ordinal);
        Assert.Contains("BidAboveAsk 2", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        var html = BacktestHtmlReport.Render(ReportSamples.Full());

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rendering_twice_gives_the_same_bytes()
    {
        Assert.Equal(BacktestHtmlReport.Render(ReportSamples.Full()), BacktestHtmlReport.Render(ReportSamples.Full()));
    }

    [Fact]
    public void Report_text_is_escaped()
    {
        var report = ReportSamples.Full() with { RiskStop = "<script>alert(1)</script> & more" };

        var html = BacktestHtmlReport.Render(report);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_empty_run_gets_notes_instead_of_charts()
    {
        var html = BacktestHtmlReport.Render(ReportSamples.Empty());

        Assert.Empty(InlinePng().Matches(html));
        Assert.Contains("No equity samples", html, StringComparison.Ordinal);
        Assert.Contains("No basis samples", html, StringComparison.Ordinal);
        Assert.Contains("No settings were recorded.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_sample_still_renders()
    {
        var full = ReportSamples.Full();
        var report = full with { Equity = full.Equity.Take(1).ToArray(), Basis = full.Basis.Take(1).ToArray(), Decisions = [] };

        var html = BacktestHtmlReport.Render(report);

        Assert.Equal(3, InlinePng().Matches(html).Count);
    }
}
