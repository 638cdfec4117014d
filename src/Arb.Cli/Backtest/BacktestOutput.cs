using System.Globalization;
using System.Text.Json;
using Arb.Engine.Backtest;
using Spectre.Console;

namespace Arb.Cli.Backtest;

/// <summary>Where a backtest's results go: the terminal summary or JSON, the files of <c>--out</c>, the sweep table.</summary>
internal static class BacktestOutput
{
    /// <summary>The summary table, or with <paramref name="json"/> the report's figures as JSON (the chart series left out).</summary>
    public static void Summary(BacktestReport report, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(BacktestReportJson.Serialize(report with { Equity = [], Basis = [], Decisions = [] }));
            return;
        }

        if (ReferenceEquals(output, Console.Out))
        {
            BacktestSummaryTable.WriteToStdout(report);
            return;
        }

        BacktestSummaryTable.Write(PlainConsole(output), report);
    }

    /// <summary>report.json and report.html beside the trades.csv and pnl.csv the run wrote.</summary>
    public static void Files(BacktestReport report, string outDir) => BacktestOutputDirectory.Write(outDir, report);

    public static void Sweep(IReadOnlyList<SweepAxis> axes, IReadOnlyList<SweepResult> results, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(results, BacktestReportJson.Options));
            return;
        }

        var console = ReferenceEquals(output, Console.Out) ? AnsiConsole.Console : PlainConsole(output);
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

    // Redirected output gets no colour and room for every column.
    private static IAnsiConsole PlainConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = BacktestSummaryTable.RedirectedWidth;
        return console;
    }
}
