using System.Globalization;
using Arb.Domain.Market;
using nietras.SeparatedValues;

namespace Arb.Cli.Import;

/// <summary>
/// Passes the rows of a quote CSV (the backtester's format, what <c>arbbot record</c> writes) through. The row's
/// <c>category</c> column wins over the option the file was given with; such rows are counted in
/// <see cref="SourceStats.RecategorizedRows"/>. Timestamps may be epoch ms, us or ns (unit from the first row).
/// </summary>
public static class QuoteCsvSourceReader
{
    private static readonly SepReaderOptions SepOptions = Sep.New(',').Reader(o => o with
    {
        HasHeader = true,
        DisableColCountCheck = true,
        Unescape = true,
        ColNameComparer = StringComparer.OrdinalIgnoreCase,
    });

    public static IEnumerable<ImportedQuote> Read(string path, MarketCategory givenAs, SourceStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return ReadIterator(path, givenAs, stats);
    }

    private static IEnumerable<ImportedQuote> ReadIterator(string path, MarketCategory givenAs, SourceStats stats)
    {
        using var text = InputFile.OpenText(path);
        using var reader = SepOptions.From(text);
        var columns = Columns.Resolve(reader.Header);
        TimestampUnit? unit = null;
        var symbols = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            var line = (long)row.LineNumberFrom;
            var symbol = Cell(row, columns.Symbol);
            var categoryText = Cell(row, columns.Category);
            var timeText = Cell(row, columns.Timestamp);
            if (symbol.Length == 0 || timeText.Length == 0)
            {
                stats.Drop("missing field", line, symbol.Length == 0 ? "empty symbol" : "empty timestamp");
                continue;
            }

            if (!MarketCategoryNames.TryParse(categoryText.ToLowerInvariant(), out var category))
            {
                stats.Drop("unknown category", line, $"'{categoryText}', expected spot or linear");
                continue;
            }

            if (!long.TryParse(timeText, NumberStyles.None, CultureInfo.InvariantCulture, out var raw)
                || TimestampUnits.Detect(raw) is not { } rowUnit || (unit is not null && rowUnit != unit))
            {
                stats.Drop("timestamp out of range", line, $"'{timeText}' is not an epoch time in {unit?.ShortName() ?? "ms, us or ns"}");
                continue;
            }

            if (unit is null)
            {
                unit = rowUnit;
                stats.TimestampUnit = rowUnit.ShortName();
            }

            if (!TopOfBook.TryParse(Cell(row, columns.Bid), NullIfEmpty(Cell(row, columns.BidQty)), Cell(row, columns.Ask), NullIfEmpty(Cell(row, columns.AskQty)), line, stats, out var top))
            {
                continue;
            }

            decimal? fundingRate = null;
            long? nextFunding = null;
            var rateText = Cell(row, columns.FundingRate);
            var nextText = Cell(row, columns.NextFundingTime);
            if (category == MarketCategory.Linear && rateText.Length > 0)
            {
                if (!TopOfBook.TryNumber(rateText, out var rate))
                {
                    stats.Drop("not a number", line, $"funding_rate '{rateText}'");
                    continue;
                }

                fundingRate = rate;
            }

            if (category == MarketCategory.Linear && nextText.Length > 0)
            {
                if (!long.TryParse(nextText, NumberStyles.None, CultureInfo.InvariantCulture, out var next) || TimestampUnits.Detect(next) is not { } nextUnit)
                {
                    stats.Drop("not a number", line, $"next_funding_time '{nextText}'");
                    continue;
                }

                nextFunding = TimestampUnits.ToMilliseconds(next, nextUnit);
            }

            if (category != givenAs)
            {
                stats.RecategorizedRows++;
            }

            if (!symbols.TryGetValue(symbol, out var interned))
            {
                symbols[symbol] = interned = symbol;
            }

            yield return new ImportedQuote(
                TimestampUnits.ToMilliseconds(raw, unit.Value), interned, category,
                top.Bid, top.BidQty, top.Ask, top.AskQty, fundingRate, nextFunding, line);
        }
    }

    private static string Cell(SepReader.Row row, int index) =>
        index >= 0 && index < row.ColCount ? row[index].Span.Trim().ToString() : "";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private readonly record struct Columns(
        int Timestamp, int Symbol, int Category, int Bid, int BidQty, int Ask, int AskQty, int FundingRate, int NextFundingTime)
    {
        public static Columns Resolve(SepReaderHeader header) => new(
            Index(header, "timestamp"), Index(header, "symbol"), Index(header, "category"),
            Index(header, "bid"), Index(header, "bid_qty"), Index(header, "ask"), Index(header, "ask_qty"),
            Index(header, "funding_rate"), Index(header, "next_funding_time"));

        private static int Index(SepReaderHeader header, string name) => header.TryIndexOf(name, out var index) ? index : -1;
    }
}
