using System.Globalization;
using Arb.Domain.Market;

namespace Arb.Simulator.Quotes;

/// <summary>
/// Reads quotes in the backtester's CSV format: a header naming at least <c>symbol</c>, <c>bid</c>, <c>ask</c> and
/// <c>category</c> (<c>spot</c>|<c>linear</c>), in any order; optional <c>timestamp</c> (epoch ms or ISO 8601),
/// <c>bid_qty</c>, <c>ask_qty</c>. A bad row stops the load with its line number.
/// </summary>
public static class RecordedQuoteFile
{
    public static IReadOnlyList<RecordedQuote> Load(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static IReadOnlyList<RecordedQuote> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new FormatException($"{name}: the file is empty; expected a header with symbol,bid,ask,category");
        var columns = header.Split(',').Select(c => c.Trim().ToLowerInvariant()).ToList();
        int Column(string column, bool required)
        {
            var index = columns.IndexOf(column);
            if (index < 0 && required)
            {
                throw new FormatException($"{name}: line 1: missing column '{column}' (the header must name symbol, bid, ask and category)");
            }

            return index;
        }

        var symbol = Column("symbol", true);
        var bid = Column("bid", true);
        var ask = Column("ask", true);
        var category = Column("category", true);
        var timestamp = Column("timestamp", false);
        var bidQty = Column("bid_qty", false);
        var askQty = Column("ask_qty", false);

        var quotes = new List<RecordedQuote>();
        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            string Cell(int index) => index >= 0 && index < cells.Length ? cells[index].Trim() : "";
            FormatException Bad(string what) => new($"{name}: line {lineNumber}: {what}");
            decimal Price(int index, string column) =>
                decimal.TryParse(Cell(index), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0m
                    ? value
                    : throw Bad($"{column} \"{Cell(index)}\" is not a positive decimal");
            decimal? Quantity(int index, string column) => index < 0 || Cell(index).Length == 0 ? null
                : decimal.TryParse(Cell(index), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0m
                    ? value
                    : throw Bad($"{column} \"{Cell(index)}\" is not a positive decimal");

            if (!MarketCategoryNames.TryParse(Cell(category), out var market))
            {
                throw Bad($"category \"{Cell(category)}\" is not spot or linear");
            }

            var row = new RecordedQuote(
                timestamp < 0 ? null : Timestamp(Cell(timestamp)) ?? throw Bad($"timestamp \"{Cell(timestamp)}\" is neither epoch milliseconds nor ISO 8601"),
                Cell(symbol).ToUpperInvariant() is { Length: > 0 } s ? s : throw Bad("symbol is empty"),
                market,
                Price(bid, "bid"),
                Price(ask, "ask"),
                Quantity(bidQty, "bid_qty"),
                Quantity(askQty, "ask_qty"));
            if (row.Bid >= row.Ask)
            {
                throw Bad($"bid {row.Bid} is not below ask {row.Ask}");
            }

            quotes.Add(row);
        }

        return quotes.Count > 0 ? quotes : throw new FormatException($"{name}: no quote rows after the header");
    }

    private static long? Timestamp(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return ms;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUnixTimeMilliseconds()
            : null;
    }
}
