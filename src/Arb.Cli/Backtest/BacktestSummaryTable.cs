using Arb.Engine.Backtest;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Arb.Cli.Backtest;

/// <summary>
/// The backtest's summary on the terminal: one table with a row per symbol and the total, and under it the oracle
/// comparison, the risk stop and what was read. Cells are plain <see cref="Text"/>, never markup, so a symbol, a file
/// name or a risk message with '[' cannot break rendering.
/// </summary>
internal static class BacktestSummaryTable
{
    /// <summary>Width used when stdout is not a terminal, wide enough that no row of the table folds in a file.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>Writes the table and the lines under it to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        console.Write(Build(report));
        console.WriteLine();
        console.Write(Lines(BacktestSummaryContent.Outcome(report)));
        console.WriteLine();
        console.Write(Lines(BacktestSummaryContent.Input(report)));
    }

    /// <summary>
    /// Writes to the process's stdout: with colours on a terminal, as plain text without escape codes when stdout is
    /// redirected (a file, a pipe), where Spectre would otherwise assume 80 columns and fold the table.
    /// </summary>
    public static void WriteToStdout(BacktestReport report)
    {
        if (!Console.IsOutputRedirected)
        {
            Write(AnsiConsole.Console, report);
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = RedirectedWidth;
        Write(console, report);
    }

    /// <summary>The figures table: a row per symbol, then the total.</summary>
    public static Table Build(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table()
            .Border(TableBorder.Simple)
            .Title(Markup.Escape("Backtest result"))
            .Caption(Markup.Escape(BacktestSummaryContent.Legend));

        foreach (var (header, index) in BacktestSummaryContent.Headers.Select((h, i) => (h, i)))
        {
            var column = new TableColumn(new Text(header)).NoWrap();
            // The symbol reads left to right; figures line up on the right.
            table.AddColumn(index == 0 ? column : column.RightAligned());
        }

        var rows = BacktestSummaryContent.Rows(report);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i == rows.Count - 1)
            {
                table.AddEmptyRow();
            }

            var style = i == rows.Count - 1 ? new Style(decoration: Decoration.Bold) : Style.Plain;
            table.AddRow(rows[i].Select(cell => (IRenderable)new Text(cell, style)));
        }

        return table;
    }

    private static Grid Lines(IReadOnlyList<SummaryLine> lines)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn(new GridColumn());
        foreach (var line in lines)
        {
            grid.AddRow(new Text(line.Label), new Text(line.Value));
        }

        return grid;
    }
}
