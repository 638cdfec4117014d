using System.Globalization;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Engine.Journals;

/// <summary>
/// Reads trades.csv back into fills, for recovery after a crash: the rows booked after the last state snapshot are
/// replayed into the portfolio, and every exec id in the file counts as booked. Columns are found by header name.
/// A row that cannot be read (a line cut short by a crash, a hand edit) is skipped and reported with its line number,
/// never guessed at.
/// </summary>
public static class TradeJournalReader
{
    public static TradeJournalContents Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return new TradeJournalContents([], []);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine();
        if (header is null)
        {
            return new TradeJournalContents([], []);
        }

        var columns = header.Split(',');
        int Column(string name) => Array.IndexOf(columns, name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{path}: the header has no '{name}' column (expected {TradeJournal.Header})");
        var c = new RowColumns(
            Column("timestamp"), Column("symbol"), Column("side"), Column("qty"), Column("price"), Column("category"),
            Column("order_link_id"), Column("exec_id"), Column("fee"), Column("fee_coin"));

        var fills = new List<Fill>();
        var skipped = new List<string>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (TryParse(line.Split(','), c, out var fill, out var problem))
            {
                fills.Add(fill);
            }
            else
            {
                skipped.Add($"{path}:{lineNumber}: {problem}");
            }
        }

        return new TradeJournalContents(fills, skipped);
    }

    private static bool TryParse(string[] f, RowColumns c, out Fill fill, out string problem)
    {
        fill = null!;
        if (f.Length <= c.Max)
        {
            problem = $"{f.Length} fields, expected at least {c.Max + 1}";
            return false;
        }

        var ok = DateTimeOffset.TryParse(f[c.Timestamp], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time);
        ok &= Enum.TryParse<TradeSide>(f[c.Side], ignoreCase: false, out var side) && Enum.IsDefined(side);
        ok &= decimal.TryParse(f[c.Qty], NumberStyles.Number, CultureInfo.InvariantCulture, out var qty) && qty > 0m;
        ok &= decimal.TryParse(f[c.Price], NumberStyles.Number, CultureInfo.InvariantCulture, out var price) && price > 0m;
        ok &= decimal.TryParse(f[c.Fee], NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var fee);
        ok &= MarketCategoryNames.TryParse(f[c.Category], out var category);
        ok &= f[c.Symbol].Length > 0 && f[c.ExecId].Length > 0 && f[c.FeeCoin].Length > 0;
        if (!ok)
        {
            problem = "a field is missing or not what trades.csv writes";
            return false;
        }

        fill = new Fill(f[c.Symbol], category, side, qty, price, fee, f[c.FeeCoin], f[c.OrderLinkId], f[c.ExecId], time.ToUnixTimeMilliseconds());
        problem = string.Empty;
        return true;
    }

    private sealed record RowColumns(int Timestamp, int Symbol, int Side, int Qty, int Price, int Category, int OrderLinkId, int ExecId, int Fee, int FeeCoin)
    {
        public int Max { get; } = new[] { Timestamp, Symbol, Side, Qty, Price, Category, OrderLinkId, ExecId, Fee, FeeCoin }.Max();
    }
}

/// <summary>The fills read from trades.csv, in file order, and the rows that could not be read (file:line: why).</summary>
public sealed record TradeJournalContents(IReadOnlyList<Fill> Fills, IReadOnlyList<string> SkippedRows);
