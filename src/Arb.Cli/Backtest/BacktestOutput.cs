using System.Globalization;
using System.Text.Json;
using Arb.Engine.Backtest;
using Spectre.Console;

namespace Arb.Cli.Backtest;

/// <summary>Where a backtest's results go: the terminal summary or JSON, the files of <c>--out</c>, the sweep table.</summary>
internal static class BacktestOutput
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Summary(BacktestReport report, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report with { Equity = [], Basis = [], Decisions = [] }, Json));
            return;
        }

        foreach (var figures in report.Symbols.Append(report.Total))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{figures.Symbol ?? "total"}: trades {figures.Trades}, net {figures.NetPnlUsd:0.00}, fees {figures.FeesUsd:0.00}, max dd {figures.MaxDrawdownUsd:0.00}"));
        }

        if (report.Oracle is { } oracle)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"oracle: {oracle.NetPnlUsd:0.00} ({oracle.RoundTrips} round trips)"));
        }
    }

    public static void Files(BacktestReport report, string outDir) =>
        File.WriteAllText(Path.Combine(outDir, "report.json"), JsonSerializer.Serialize(report, Json));

    public static void Sweep(IReadOnlyList<SweepAxis> axes, IReadOnlyList<SweepResult> results, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(results, Json));
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var table = new Table();
        foreach (var axis in axes)
        {
            table.AddColumn(axis.Name);
        }

        foreach (var column in SweepRunner.Columns)
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var result in results)
        {
            table.AddRow([.. axes.Select(a => Markup.Escape(result.Values[a.Name].ToString(CultureInfo.InvariantCulture))), .. SweepRunner.Figures(result).Select(Markup.Escape)]);
        }

        console.Write(table);
    }
}
