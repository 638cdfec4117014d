using System.Globalization;

namespace Arb.Cli.Import;

/// <summary>
/// A funding-rate history file (<c>Symbol,Date,Funding Rate</c>, dates as wall-clock text in some UTC offset,
/// symbols like <c>BTC-USDT</c>), read whole: a few thousand rows per symbol and year.
/// </summary>
public sealed class FundingHistory
{
    /// <summary>A row is filled only when the next settlement is at most this far ahead (the longest interval).</summary>
    public static readonly long MaxLookaheadMs = (long)TimeSpan.FromHours(8).TotalMilliseconds;

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    private readonly Dictionary<string, FundingEvent[]> _bySymbol;

    private FundingHistory(string path, TimeSpan offset, bool inferred, Dictionary<string, FundingEvent[]> bySymbol, SourceStats stats)
    {
        Path = path;
        Offset = offset;
        OffsetInferred = inferred;
        _bySymbol = bySymbol;
        Stats = stats;
    }

    public string Path { get; }

    public TimeSpan Offset { get; }

    public bool OffsetInferred { get; }

    /// <summary>Bad rows of the file, by reason.</summary>
    public SourceStats Stats { get; }

    public IEnumerable<string> Symbols => _bySymbol.Keys;

    public int EventCount => _bySymbol.Values.Sum(e => e.Length);

    public long FirstMs => _bySymbol.Values.Min(e => e[0].TimeMs);

    public long LastMs => _bySymbol.Values.Max(e => e[^1].TimeMs);

    /// <summary>Linear rows this file gave a funding rate to.</summary>
    public long RowsFilled { get; private set; }

    /// <param name="offset">The dates' UTC offset, or null to infer it.</param>
    public static FundingHistory Load(string path, TimeSpan? offset)
    {
        var stats = new SourceStats(path, Domain.Market.MarketCategory.Linear) { TimestampUnit = "wall clock" };
        var rows = new List<(string Symbol, DateTime Wall, decimal Rate)>();
        using (var text = InputFile.OpenText(path))
        {
            var header = text.ReadLine();
            if (header is null || !IsHeader(header))
            {
                throw new ImportInputException(path, "is not a funding history: expected the header 'Symbol,Date,Funding Rate'");
            }

            long lineNumber = 1;
            string? line;
            while ((line = text.ReadLine()) is not null)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var cells = line.Split(',', StringSplitOptions.TrimEntries);
                if (cells.Length < 3 || cells[0].Length == 0)
                {
                    stats.Drop("missing field", lineNumber, "expected Symbol,Date,Funding Rate");
                    continue;
                }

                if (!DateTime.TryParseExact(cells[1], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
                {
                    stats.Drop("bad date", lineNumber, $"'{cells[1]}', expected YYYY-MM-DD HH:MM:SS");
                    continue;
                }

                if (!TopOfBook.TryNumber(cells[2], out var rate))
                {
                    stats.Drop("not a number", lineNumber, $"funding rate '{cells[2]}'");
                    continue;
                }

                rows.Add((ExchangeSymbol(cells[0]), wall, rate));
            }
        }

        if (rows.Count == 0)
        {
            throw new ImportInputException(path, "has no funding rows");
        }

        var inferred = offset is null;
        var used = offset ?? FundingOffset.Infer(rows.Select(r => r.Wall)) ?? throw new ImportInputException(
            path, "the funding times do not all fall at one phase of the 8-hour funding cycle, so their UTC offset cannot be inferred; pass --funding-utc-offset (e.g. +03:00)");

        var bySymbol = rows
            .GroupBy(r => r.Symbol, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(r => new FundingEvent(new DateTimeOffset(r.Wall, used).ToUnixTimeMilliseconds(), r.Rate))
                    .OrderBy(e => e.TimeMs).ToArray(),
                StringComparer.Ordinal);
        return new FundingHistory(path, used, inferred, bySymbol, stats);
    }

    /// <summary><c>BTC-USDT</c>, <c>btc/usdt</c> and <c>BTCUSDT</c> all name the exchange symbol <c>BTCUSDT</c>.</summary>
    public static string ExchangeSymbol(string pair) =>
        string.Concat(pair.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    public bool HasSymbol(string symbol) => _bySymbol.ContainsKey(symbol);

    /// <summary>
    /// The first settlement strictly after <paramref name="timeMs"/>, when it is at most
    /// <see cref="MaxLookaheadMs"/> ahead; its rate is the one settled then (known in hindsight).
    /// </summary>
    public bool TryNext(string symbol, long timeMs, out FundingEvent next)
    {
        next = default;
        if (!_bySymbol.TryGetValue(symbol, out var events))
        {
            return false;
        }

        int lo = 0, hi = events.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (events[mid].TimeMs <= timeMs)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo == events.Length || events[lo].TimeMs - timeMs > MaxLookaheadMs)
        {
            return false;
        }

        next = events[lo];
        RowsFilled++;
        return true;
    }

    private static bool IsHeader(string line)
    {
        var names = line.TrimStart('\uFEFF').Split(',', StringSplitOptions.TrimEntries);
        return names.Length >= 3
            && names[0].Equals("Symbol", StringComparison.OrdinalIgnoreCase)
            && names[1].Equals("Date", StringComparison.OrdinalIgnoreCase)
            && names[2].Equals("Funding Rate", StringComparison.OrdinalIgnoreCase);
    }
}
