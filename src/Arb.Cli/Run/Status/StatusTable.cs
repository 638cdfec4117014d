using System.Globalization;
using Arb.Engine.Trading;
using Spectre.Console;

namespace Arb.Cli.Run.Status;

/// <summary>
/// The live view's frame for one snapshot: a title line (mode, UTC time, equity) over one row per symbol.
/// Pure, so tests can render it to a string. Cells are plain <see cref="Text"/>, never markup, so a symbol or
/// mode with '[' cannot break rendering. When the terminal is too narrow, the least needed columns are left out
/// (and named in the caption) rather than letting Spectre fold numbers over two lines, where "-2" above ".0" is
/// easy to misread.
/// </summary>
internal static class StatusTable
{
    private const string Legend = "edges and basis in bps, quantities signed, px entry price, money in USDT; " +
        "Trd trades today, Exec executions in flight, Imb leg imbalances";

    private static readonly Style Negative = new(Color.Red);
    private static readonly Style Positive = new(Color.Green);

    // In display order. Drop: 0 = always shown, otherwise columns go in increasing order as width runs out.
    private static readonly StatusColumn[] Columns =
    [
        new("Symbol", 0, s => new(s.Symbol, Style.Plain), RightAligned: false),
        new("State", 0, s => new(StatusFormat.State(s.State), StateStyle(s.State)), RightAligned: false),
        new("Basis", 8, s => Plain(StatusFormat.Bps(s.BasisBps))),
        new("Open", 0, s => Signed(StatusFormat.Bps(s.OpenEdgeBps), s.OpenEdgeBps)),
        new("Rev", 5, s => Signed(StatusFormat.Bps(s.ReverseEdgeBps), s.ReverseEdgeBps)),
        new("Close", 0, s => Signed(StatusFormat.Bps(s.CloseEdgeBps), s.CloseEdgeBps)),
        new("Spot", 0, s => Plain(StatusFormat.Quantity(s.SpotQuantity))),
        new("Perp", 0, s => Plain(StatusFormat.Quantity(s.PerpQuantity))),
        new("Spot px", 1, s => Plain(StatusFormat.EntryPrice(s.SpotEntryPrice, s.SpotQuantity))),
        new("Perp px", 2, s => Plain(StatusFormat.EntryPrice(s.PerpEntryPrice, s.PerpQuantity))),
        new("Real", 0, s => Signed(StatusFormat.Money(s.RealizedUsd), s.RealizedUsd)),
        new("Unreal", 0, s => Signed(StatusFormat.Money(s.UnrealizedUsd), s.UnrealizedUsd)),
        new("Fees", 3, s => Plain(StatusFormat.Money(s.FeesUsd))),
        new("Fund", 4, s => Signed(StatusFormat.Money(s.FundingUsd), s.FundingUsd)),
        new("Trd", 7, s => Plain(s.TradesToday.ToString(CultureInfo.InvariantCulture))),
        new("Exec", 6, s => Plain(s.ExecutionsInFlight.ToString(CultureInfo.InvariantCulture))),
        // Any leg imbalance is something the trader must look at.
        new("Imb", 0, s => new(s.LegImbalances.ToString(CultureInfo.InvariantCulture), s.LegImbalances > 0 ? Negative : Style.Plain)),
    ];

    /// <summary>The table for <paramref name="status"/>, leaving out columns that would not fit in <paramref name="width"/>.</summary>
    public static Table Build(EngineStatus status, int width = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(status);
        var cells = status.Symbols.Select(s => Columns.Select(c => c.Cell(s)).ToArray()).ToArray();
        var shown = Fit(cells, width);

        var hidden = Columns.Where((_, i) => !shown[i]).Select(c => c.Header).ToArray();
        var table = new Table()
            .Border(TableBorder.Simple)
            .Title(Markup.Escape(Title(status)))
            .Caption(Markup.Escape(hidden.Length == 0 ? Legend : $"{Legend}; too narrow for {string.Join(", ", hidden)}"));

        for (var i = 0; i < Columns.Length; i++)
        {
            if (shown[i])
            {
                var column = new TableColumn(Columns[i].Header) { Padding = new Padding(0, 0, 1, 0) }.NoWrap();
                table.AddColumn(Columns[i].RightAligned ? column.RightAligned() : column);
            }
        }

        foreach (var row in cells)
        {
            table.AddRow(row.Where((_, i) => shown[i]).Select(c => new Text(c.Text, c.Style) { Overflow = Overflow.Ellipsis }));
        }

        return table;
    }

    /// <summary>The line above the table: what is running, when, and the account's equity.</summary>
    public static string Title(EngineStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return $"arbbot {status.Mode} | {StatusFormat.Time(status.Time)} | equity {StatusFormat.Money(status.EquityUsd)} USDT";
    }

    // Which columns are shown: all, unless their widths (content, one space of padding, one of border) overflow.
    private static bool[] Fit(StatusCell[][] rows, int width)
    {
        var widths = Columns.Select((c, i) => rows.Aggregate(c.Header.Length, (w, row) => Math.Max(w, row[i].Text.Length)) + 2).ToArray();
        var shown = Columns.Select(_ => true).ToArray();
        var total = widths.Sum() + 1;
        foreach (var (_, i) in Columns.Select((c, i) => (c.Drop, i)).Where(x => x.Drop > 0).OrderBy(x => x.Drop))
        {
            if (total <= width)
            {
                break;
            }

            shown[i] = false;
            total -= widths[i];
        }

        return shown;
    }

    private static StatusCell Plain(string text) => new(text, Style.Plain);

    // Colour by sign where the sign is the news: PnL, funding, edges.
    private static StatusCell Signed(string text, decimal? value) =>
        new(text, value switch { < 0m => Negative, > 0m => Positive, _ => Style.Plain });

    private static Style StateStyle(SymbolTradingState state) => state switch
    {
        SymbolTradingState.Active => new Style(Color.Green),
        SymbolTradingState.Executing => new Style(Color.Yellow),
        SymbolTradingState.CoolingDown => new Style(Color.Blue),
        SymbolTradingState.PausedForDay => new Style(Color.Yellow),
        SymbolTradingState.Stale => new Style(Color.Red),
        _ => new Style(Color.Grey),
    };

    private readonly record struct StatusCell(string Text, Style Style);

    private sealed record StatusColumn(string Header, int Drop, Func<SymbolStatus, StatusCell> Cell, bool RightAligned = true);
}
