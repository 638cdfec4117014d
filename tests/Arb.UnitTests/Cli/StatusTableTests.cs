using Arb.Cli.Run.Status;
using Spectre.Console;

namespace Arb.UnitTests.Cli;

public sealed class StatusTableTests
{
    internal static (IAnsiConsole Console, StringWriter Output) PlainConsole()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 250; // wide enough that no cell wraps
        return (console, output);
    }

    private static string[] Render()
    {
        var (console, output) = PlainConsole();
        console.Write(StatusTable.Build(StatusSamples.Status));
        return output.ToString().ReplaceLineEndings("\n").Split('\n');
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void The_header_line_shows_mode_utc_time_and_equity()
    {
        var lines = Render();

        Assert.Contains(lines, l => l.Contains("arbbot paper | 2025-06-01 12:34:56 UTC | equity 10012.35 USDT", StringComparison.Ordinal));
    }

    [Fact]
    public void A_symbol_row_shows_every_field_with_signed_quantities_and_a_blank_null_edge()
    {
        var row = Assert.Single(Render(), l => l.Contains("BTCUSDT", StringComparison.Ordinal));

        // Close edge is null: the cell is blank, so the row goes straight from the reverse edge to the spot quantity.
        Assert.Equal(
            ["BTCUSDT", "active", "12.3", "4.1", "-2.0", "0.01", "-0.01", "65000.5", "65010", "1.23", "-0.40", "0.15", "0.02", "3", "0", "0"],
            Cells(row));
    }

    [Fact]
    public void A_warming_flat_symbol_shows_zeros_and_no_market_numbers()
    {
        var row = Assert.Single(Render(), l => l.Contains("ETHUSDT", StringComparison.Ordinal));

        Assert.Equal(["ETHUSDT", "warming", "0", "0", "0.00", "0.00", "0.00", "0.00", "0", "0", "0"], Cells(row));
    }

    [Fact]
    public void Columns_are_in_the_documented_order()
    {
        var header = Assert.Single(Render(), l => l.Contains("Symbol", StringComparison.Ordinal));

        Assert.Equal(
            ["Symbol", "State", "Basis", "Open", "Rev", "Close", "Spot", "Perp", "Spot", "px", "Perp", "px",
                "Real", "Unreal", "Fees", "Fund", "Trd", "Exec", "Imb"],
            Cells(header));
    }

    [Fact]
    public void A_narrow_terminal_loses_entry_prices_first_and_says_so_instead_of_folding_numbers()
    {
        var (console, output) = PlainConsole();
        console.Profile.Width = 100;

        console.Write(StatusTable.Build(StatusSamples.Status, 100));

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        var row = Assert.Single(lines, l => l.Contains("BTCUSDT", StringComparison.Ordinal));
        Assert.Equal(["BTCUSDT", "active", "12.3", "4.1", "-2.0", "0.01", "-0.01", "1.23", "-0.40", "0.15", "0.02", "3", "0", "0"], Cells(row));
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 100, l));
        Assert.Contains("too narrow for Spot px, Perp px", string.Join(' ', lines.Select(l => l.Trim())), StringComparison.Ordinal);
    }
}
