using System.Globalization;
using Arb.Engine.Backtest;
using Arb.Engine.Execution;
using ScottPlot;

namespace Arb.Cli.Backtest;

/// <summary>
/// The report's three charts as PNG bytes: equity, drawdown below the running peak, and each symbol's basis with the
/// entries and exits marked. Each returns null when there is nothing to draw, so the page can say so instead.
/// Rendering uses only the report (no clock, no random colours), so the same report gives the same pixels.
/// </summary>
internal static class BacktestCharts
{
    public const int Width = 1000;
    public const int Height = 380;

    private const string ChartFont = "DejaVu Sans";

    /// <summary>Account equity in USDT over UTC time.</summary>
    public static byte[]? Equity(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Equity.Count == 0)
        {
            return null;
        }

        using var plot = NewPlot("Equity", "USDT");
        var line = plot.Add.ScatterLine(
            report.Equity.Select(p => ChartTime.X(p.TimeMs)).ToArray(),
            report.Equity.Select(p => (double)p.EquityUsd).ToArray(),
            Colors.SteelBlue);
        line.LineWidth = 1.5f;
        return Png(plot);
    }

    /// <summary>How far equity stood below its running peak, drawn downwards from zero.</summary>
    public static byte[]? Drawdown(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Equity.Count == 0)
        {
            return null;
        }

        using var plot = NewPlot("Drawdown", "USDT below peak");
        var line = plot.Add.ScatterLine(
            report.Equity.Select(p => ChartTime.X(p.TimeMs)).ToArray(),
            report.Equity.Select(p => -(double)p.DrawdownUsd).ToArray(),
            Colors.FireBrick);
        line.FillY = true;
        line.FillYColor = Colors.FireBrick.WithAlpha(0.3);
        line.LineWidth = 1f;
        return Png(plot);
    }

    /// <summary>Basis in bps per symbol; entries (open, reverse open) and exits (close) marked where they were decided.</summary>
    public static byte[]? Basis(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Basis.Count == 0 && report.Decisions.Count == 0)
        {
            return null;
        }

        using var plot = NewPlot("Basis", "bps (perp over spot)");
        var palette = new ScottPlot.Palettes.Category10();
        var symbols = SymbolOrder(report);
        for (var i = 0; i < symbols.Count; i++)
        {
            var points = report.Basis.Where(p => p.Symbol == symbols[i]).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(
                points.Select(p => ChartTime.X(p.TimeMs)).ToArray(),
                points.Select(p => p.BasisBps).ToArray(),
                palette.GetColor(i));
            line.LineWidth = 1f;
            line.LegendText = symbols[i];
        }

        AddDecisions(plot, report, PairKind.Open, "entry", MarkerShape.FilledTriangleUp, Colors.Green);
        AddDecisions(plot, report, PairKind.OpenReverse, "reverse entry", MarkerShape.FilledTriangleDown, Colors.DarkOrange);
        AddDecisions(plot, report, PairKind.Close, "exit", MarkerShape.Eks, Colors.Black);
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    // The report's symbols first (its order), then any that only appear in the series, in ordinal order.
    private static List<string> SymbolOrder(BacktestReport report)
    {
        var symbols = report.Symbols.Select(s => s.Symbol).OfType<string>().ToList();
        symbols.AddRange(report.Basis.Select(p => p.Symbol).Concat(report.Decisions.Select(d => d.Symbol))
            .Distinct(StringComparer.Ordinal).Where(s => !symbols.Contains(s, StringComparer.Ordinal)).Order(StringComparer.Ordinal));
        return symbols;
    }

    private static void AddDecisions(Plot plot, BacktestReport report, PairKind kind, string label, MarkerShape shape, Color color)
    {
        var marks = report.Decisions.Where(d => d.Kind == kind && double.IsFinite(d.BasisBps)).ToArray();
        if (marks.Length == 0)
        {
            return;
        }

        var markers = plot.Add.Markers(
            marks.Select(d => ChartTime.X(d.TimeMs)).ToArray(),
            marks.Select(d => d.BasisBps).ToArray(),
            shape,
            size: 9,
            color);
        markers.LegendText = label;
    }

    private static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.XLabel("time (UTC)");
        // Skia's dependency-free Linux build finds fonts by scanning /usr/share/fonts; DejaVu Sans is Debian's usual
        // sans-serif (fonts-dejavu-core). Without it Skia falls back to whatever font it finds first.
        plot.Font.Set(ChartFont);
        plot.Axes.Title.Label.Bold = true;
        var axis = plot.Axes.DateTimeTicksBottom();
        // ISO dates rather than the invariant culture's month/day/year; the time below on its own line.
        ((ScottPlot.TickGenerators.DateTimeAutomatic)axis.TickGenerator).LabelFormatter =
            time => time.ToString("yyyy-MM-dd\nHH:mm", CultureInfo.InvariantCulture);
        return plot;
    }

    private static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);
}
