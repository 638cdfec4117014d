using System.Globalization;
using System.IO.Compression;
using Arb.Domain.Market;
using nietras.SeparatedValues;

namespace Arb.Engine.Backtest;

/// <summary>
/// Streams <see cref="QuoteRow"/>s out of backtest CSV files (plain or <c>.gz</c>), one row at a time so
/// memory stays flat whatever the file's size.
/// </summary>
/// <remarks>
/// <para>Format: a header row, then comma-separated rows. Required columns <c>symbol</c>, <c>bid</c>,
/// <c>ask</c>; optional <c>timestamp</c> (ISO 8601, or epoch milliseconds when it is all digits),
/// <c>bid_qty</c>, <c>ask_qty</c>, <c>category</c> (<c>spot</c>|<c>linear</c>), <c>funding_rate</c>,
/// <c>next_funding_time</c> (same forms as <c>timestamp</c>). Column names are case-insensitive, in any
/// order; unknown columns are ignored.</para>
/// <para>Symbol convention when the file has no <c>category</c> column: a symbol ending in <c>-PERP</c>
/// (any case) is the linear perpetual of the symbol without the suffix (<c>BTCUSDT-PERP</c> is linear
/// <c>BTCUSDT</c>); any other symbol is spot. Because Bybit names both markets of a coin the same
/// (<c>BTCUSDT</c>), a file without <c>category</c> in which no symbol carries the suffix cannot be told
/// apart (spot only, perp only, or both interleaved) and is rejected, telling the user to add a
/// <c>category</c> column or suffix the perp symbols. Finding that out takes a quick pre-pass over the
/// file that stops at the first <c>-PERP</c> symbol; files with a <c>category</c> column skip it.</para>
/// <para>Without a <c>timestamp</c> column the rows are ticks in file order, spaced
/// <see cref="TickSpacingMs"/> apart starting at <see cref="StartTimeMs"/> (defaults: 100 ms from the Unix
/// epoch); with <see cref="TickSpacingMs"/> null they carry no timestamp.</para>
/// <para>A bad row throws <see cref="QuoteDataException"/> naming the file, line and reason; with
/// <c>skipBadRows</c> it is skipped and counted in <see cref="SkippedByReason"/> instead. Counts add up over
/// every file this reader reads. Time must not go backwards within a file (equal times are fine).</para>
/// </remarks>
public sealed partial class QuoteCsvReader
{
    /// <summary>Default spacing of rows in a file without timestamps.</summary>
    public const long DefaultTickSpacingMs = 100;

    /// <summary>The symbol suffix that marks a linear perpetual in a file without a <c>category</c> column.</summary>
    public const string PerpSuffix = "-PERP";

    private static readonly SepReaderOptions SepOptions = Sep.New(',').Reader(o => o with
    {
        HasHeader = true,
        DisableColCountCheck = true,
        Unescape = true,
        ColNameComparer = StringComparer.OrdinalIgnoreCase,
    });

    private readonly long[] _skipped = new long[Enum.GetValues<BadRowReason>().Length];

    // Symbols repeat millions of times: keep one string per distinct symbol instead of one per row.
    private readonly Dictionary<string, string> _symbols = new(StringComparer.Ordinal);
    private readonly string?[] _recentSymbols = new string?[4];

    public QuoteCsvReader(bool skipBadRows = false, long? tickSpacingMs = DefaultTickSpacingMs, long startTimeMs = 0)
    {
        if (tickSpacingMs is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tickSpacingMs), tickSpacingMs, "Tick spacing cannot be negative.");
        }

        SkipBadRows = skipBadRows;
        TickSpacingMs = tickSpacingMs;
        StartTimeMs = startTimeMs;
    }

    public bool SkipBadRows { get; }

    /// <summary>Milliseconds between consecutive rows of a file without timestamps; null leaves them without a time.</summary>
    public long? TickSpacingMs { get; }

    /// <summary>The time given to the first row of a file without timestamps.</summary>
    public long StartTimeMs { get; }

    /// <summary>Rows skipped so far (skip mode), by reason; every reason is present, zero when none.</summary>
    public IReadOnlyDictionary<BadRowReason, long> SkippedByReason
    {
        get
        {
            var counts = new Dictionary<BadRowReason, long>();
            foreach (var reason in Enum.GetValues<BadRowReason>())
            {
                counts[reason] = _skipped[(int)reason];
            }

            return counts;
        }
    }

    /// <summary>Total rows skipped so far (skip mode).</summary>
    public long SkippedRows
    {
        get
        {
            long total = 0;
            foreach (var count in _skipped)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>Reads several files one after the other, in the order given.</summary>
    public IEnumerable<QuoteRow> ReadFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            foreach (var row in Read(path))
            {
                yield return row;
            }
        }
    }

    /// <summary>Streams the rows of one file; a <c>.gz</c> name is decompressed on the fly.</summary>
    public IEnumerable<QuoteRow> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new QuoteFileRows(this, path);
    }

    /// <summary>
    /// Reads one file like <see cref="Read"/>, handing each row to <paramref name="sink"/> as it is parsed instead of
    /// through an enumerator (the same rows, in the same order, with the same errors and counts).
    /// </summary>
    public void ReadInto(string path, QuoteRowSink sink)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(sink);
        var bytesAtStart = BytesRead;
        var fast = ByteRows.TryOpen(this, path);
        var (resumeLine, lastTime, tick) = (0L, (long?)null, 0L);
        if (fast is not null)
        {
            using (fast)
            {
                while (fast.TryNext(out var row))
                {
                    sink(in row);
                }

                if (!fast.HandedOver)
                {
                    return;
                }

                (resumeLine, lastTime, tick) = (fast.NextLine, fast.LastTime, fast.Tick);
            }
        }

        // The Sep path reads the file from the start: count its bytes once.
        Interlocked.Exchange(ref _bytesRead, bytesAtStart);
        foreach (var row in SepRows(path, resumeLine, lastTime, tick))
        {
            sink(in row);
        }
    }

    internal IEnumerable<QuoteRow> EnumerateFile(string path)
    {
        var bytesAtStart = BytesRead;
        var fast = ByteRows.TryOpen(this, path);
        var (resumeLine, lastTime, tick) = (0L, (long?)null, 0L);
        if (fast is not null)
        {
            using (fast)
            {
                while (fast.TryNext(out var row))
                {
                    yield return row;
                }

                if (!fast.HandedOver)
                {
                    yield break;
                }

                (resumeLine, lastTime, tick) = (fast.NextLine, fast.LastTime, fast.Tick);
            }
        }

        // The Sep path reads the file from the start: count its bytes once.
        Interlocked.Exchange(ref _bytesRead, bytesAtStart);
        foreach (var row in SepRows(path, resumeLine, lastTime, tick))
        {
            yield return row;
        }
    }

    /// <summary>The Sep path, from <paramref name="resumeLine"/> on (rows before it were read by the byte path).</summary>
    private IEnumerable<QuoteRow> SepRows(string path, long resumeLine, long? lastTime, long tick)
    {
        using var text = OpenText(path);
        using var reader = SepOptions.From(text);
        var columns = Columns.Resolve(reader.Header, path);
        CheckMarketsTellable(columns, path);

        foreach (var row in reader)
        {
            var line = (long)row.LineNumberFrom;
            if (line < resumeLine)
            {
                continue; // already read by the byte path before it handed the file over
            }

            var outcome = ParseRow(new SepFields(row), columns, line, tick, lastTime, out var quote, out var detail);
            if (outcome is { } reason)
            {
                if (!SkipBadRows)
                {
                    throw new QuoteDataException(path, line, reason, detail);
                }

                _skipped[(int)reason]++;
                continue;
            }

            tick++;
            if (columns.Timestamp >= 0)
            {
                lastTime = quote.TimestampMs;
            }

            yield return quote;
        }
    }

    private static void CheckMarketsTellable(Columns columns, string path)
    {
        if (columns.Category < 0 && !HasPerpSuffixedSymbol(path))
    {
        throw new QuoteDataException(path, null, null,
            "spot and perp rows cannot be told apart: the file has no 'category' column and no symbol ends in "
            + $"'{PerpSuffix}'. Fix: add a 'category' column (spot|linear), or name the perp symbols with the "
            + $"'{PerpSuffix}' suffix (BTCUSDT-PERP); plain symbols are then read as spot.");
    }
    }

    private BadRowReason? ParseRow<TRow>(
        scoped TRow row, Columns columns, long line, long tick, long? lastTime, out QuoteRow quote, out string detail)
        where TRow : IRowFields, allows ref struct
    {
        quote = default;
        detail = "";
        var colCount = row.ColCount;
        if (columns.MaxRequired >= colCount)
        {
            detail = $"the row has {colCount} columns, the header names more";
            return BadRowReason.MissingField;
        }

        var symbolSpan = row[columns.Symbol].Trim();
        if (symbolSpan.IsEmpty)
        {
            detail = "'symbol' is empty";
            return BadRowReason.MissingField;
        }

        MarketCategory category;
        if (columns.Category >= 0)
        {
            var categorySpan = Optional(row, columns.Category, colCount);
            if (categorySpan.Equals("spot", StringComparison.OrdinalIgnoreCase))
            {
                category = MarketCategory.Spot;
            }
            else if (categorySpan.Equals("linear", StringComparison.OrdinalIgnoreCase))
            {
                category = MarketCategory.Linear;
            }
            else if (categorySpan.IsEmpty)
            {
                detail = "'category' is empty";
                return BadRowReason.MissingField;
            }
            else
            {
                detail = $"'category' is '{categorySpan}', expected spot or linear";
                return BadRowReason.UnknownCategory;
            }
        }
        else if (symbolSpan.EndsWith(PerpSuffix, StringComparison.OrdinalIgnoreCase) && symbolSpan.Length > PerpSuffix.Length)
        {
            category = MarketCategory.Linear;
            symbolSpan = symbolSpan[..^PerpSuffix.Length];
        }
        else
        {
            category = MarketCategory.Spot;
        }

        if (RequiredDecimal(row, columns.Bid, "bid", out var bid, ref detail) is { } bidFail)
        {
            return bidFail;
        }

        if (RequiredDecimal(row, columns.Ask, "ask", out var ask, ref detail) is { } askFail)
        {
            return askFail;
        }

        if (bid > ask)
        {
            detail = $"bid {bid.ToString(CultureInfo.InvariantCulture)} is above ask {ask.ToString(CultureInfo.InvariantCulture)}";
            return BadRowReason.BidAboveAsk;
        }

        if (OptionalDecimal(row, columns.BidQty, colCount, "bid_qty", out var bidQty, ref detail) is { } bqFail)
        {
            return bqFail;
        }

        if (OptionalDecimal(row, columns.AskQty, colCount, "ask_qty", out var askQty, ref detail) is { } aqFail)
        {
            return aqFail;
        }

        if (bidQty < 0 || askQty < 0)
        {
            detail = bidQty < 0 ? "'bid_qty' is negative" : "'ask_qty' is negative";
            return BadRowReason.NegativeQuantity;
        }

        if (OptionalDecimal(row, columns.FundingRate, colCount, "funding_rate", out var fundingRate, ref detail) is { } frFail)
        {
            return frFail;
        }

        if (OptionalTime(row, columns.NextFundingTime, colCount, "next_funding_time", out var nextFunding, ref detail) is { } nfFail)
        {
            return nfFail;
        }

        long? timestamp;
        if (columns.Timestamp >= 0)
        {
            if (OptionalTime(row, columns.Timestamp, colCount, "timestamp", out timestamp, ref detail) is { } tsFail)
            {
                return tsFail;
            }

            if (timestamp is null)
            {
                detail = "'timestamp' is empty";
                return BadRowReason.MissingField;
            }

            if (timestamp < lastTime)
            {
                detail = $"timestamp {timestamp} ms is before the previous row's {lastTime} ms";
                return BadRowReason.TimeWentBackwards;
            }
        }
        else
        {
            timestamp = StartTimeMs + (tick * TickSpacingMs);
        }

        quote = new QuoteRow(Intern(symbolSpan), category, bid, ask, bidQty, askQty, timestamp, fundingRate, nextFunding, line);
        return null;
    }

    private string Intern(ReadOnlySpan<char> symbol)
    {
        // A file holds a handful of symbols: comparing against the first few seen is cheaper than hashing.
        foreach (var known in _recentSymbols)
        {
            if (known is null)
            {
                break;
            }

            if (symbol.SequenceEqual(known))
            {
                return known;
            }
        }

        var lookup = _symbols.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(symbol, out var existing))
        {
            return existing;
        }

        var created = symbol.ToString();
        _symbols[created] = created;
        var free = Array.IndexOf(_recentSymbols, null);
        if (free >= 0)
        {
            _recentSymbols[free] = created;
        }

        return created;
    }

    private static ReadOnlySpan<char> Optional<TRow>(TRow row, int index, int colCount)
        where TRow : IRowFields, allows ref struct =>
        index >= 0 && index < colCount ? row[index].Trim() : [];

    private static BadRowReason? RequiredDecimal<TRow>(scoped TRow row, int index, string name, out decimal value, ref string detail)
        where TRow : IRowFields, allows ref struct
    {
        var span = row[index].Trim();
        if (span.IsEmpty)
        {
            value = 0;
            detail = $"'{name}' is empty";
            return BadRowReason.MissingField;
        }

        if (!TryParseDecimal(span, out value))
        {
            detail = $"'{name}' is '{span}', not a number";
            return BadRowReason.NotANumber;
        }

        return null;
    }

    private static BadRowReason? OptionalDecimal<TRow>(
        scoped TRow row, int index, int colCount, string name, out decimal? value, ref string detail)
        where TRow : IRowFields, allows ref struct
    {
        value = null;
        var span = Optional(row, index, colCount);
        if (span.IsEmpty)
        {
            return null;
        }

        if (!TryParseDecimal(span, out var parsed))
        {
            detail = $"'{name}' is '{span}', not a number";
            return BadRowReason.NotANumber;
        }

        value = parsed;
        return null;
    }

    private static BadRowReason? OptionalTime<TRow>(
        scoped TRow row, int index, int colCount, string name, out long? value, ref string detail)
        where TRow : IRowFields, allows ref struct
    {
        value = null;
        var span = Optional(row, index, colCount);
        if (span.IsEmpty)
        {
            return null;
        }

        if (!TryParseTime(span, out var parsed))
        {
            detail = $"'{name}' is '{span}', neither epoch milliseconds nor an ISO 8601 time";
            return BadRowReason.NotANumber;
        }

        value = parsed;
        return null;
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> span, out decimal value) => PlainDecimal.TryParse(span, out value);

    /// <summary>All digits: epoch milliseconds. Anything else: ISO 8601, UTC unless it names an offset.</summary>
    public static bool TryParseTime(ReadOnlySpan<char> span, out long epochMs)
    {
        if (span.Length is > 0 and <= 18)
        {
            // Up to 18 digits cannot overflow a long: the same value long.TryParse gives, without its generic path.
            var digits = 0L;
            var plain = true;
            foreach (var c in span)
            {
                var digit = (uint)(c - '0');
                if (digit > 9)
                {
                    plain = false;
                    break;
                }

                digits = (digits * 10) + digit;
            }

            if (plain)
            {
                epochMs = digits;
                return true;
            }
        }

        if (IsAllDigits(span))
        {
            return long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out epochMs);
        }

        if (DateTimeOffset.TryParse(
                span, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time)
            && span.Contains('-'))
        {
            epochMs = time.ToUnixTimeMilliseconds();
            return true;
        }

        epochMs = 0;
        return false;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !span.IsEmpty;
    }

    /// <summary>Bytes of the files (compressed bytes for <c>.gz</c>) read so far by this reader: progress against their sizes.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    private long _bytesRead;

    /// <summary>
    /// The symbols a file holds, with the markets each appears in, from a quick pass over the symbol (and category)
    /// column only; rows this reader would reject are not checked here.
    /// </summary>
    public static IReadOnlyDictionary<string, HashSet<MarketCategory>> ScanSymbols(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var found = new Dictionary<string, HashSet<MarketCategory>>(StringComparer.Ordinal);
        var lookup = found.GetAlternateLookup<ReadOnlySpan<char>>();
        using var text = OpenText(path, null);
        using var reader = SepOptions.From(text);
        var columns = Columns.Resolve(reader.Header, path);
        foreach (var row in reader)
        {
            if (columns.Symbol >= row.ColCount)
            {
                continue;
            }

            var symbol = row[columns.Symbol].Span.Trim();
            var category = MarketCategory.Spot;
            if (columns.Category >= 0)
            {
                if (columns.Category < row.ColCount && row[columns.Category].Span.Trim().Equals("linear", StringComparison.OrdinalIgnoreCase))
                {
                    category = MarketCategory.Linear;
                }
            }
            else if (symbol.EndsWith(PerpSuffix, StringComparison.OrdinalIgnoreCase) && symbol.Length > PerpSuffix.Length)
            {
                symbol = symbol[..^PerpSuffix.Length];
                category = MarketCategory.Linear;
            }

            if (symbol.IsEmpty)
            {
                continue;
            }

            if (!lookup.TryGetValue(symbol, out var markets))
            {
                markets = [];
                found[symbol.ToString()] = markets;
            }

            markets.Add(category);
        }

        return found;
    }

    private TextReader OpenText(string path) => OpenText(path, this);

    private static TextReader OpenText(string path, QuoteCsvReader? counter)
    {
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (counter is not null)
        {
            stream = new CountingStream(stream, counter);
        }

        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
    }

    /// <summary>Pre-pass for files without a category column: does any symbol use the perp suffix?</summary>
    private static bool HasPerpSuffixedSymbol(string path)
    {
        using var text = OpenText(path, null);
        using var reader = SepOptions.From(text);
        var symbol = reader.Header.IndexOf("symbol");
        foreach (var row in reader)
        {
            if (symbol < row.ColCount)
            {
                var span = row[symbol].Span.Trim();
                if (span.EndsWith(PerpSuffix, StringComparison.OrdinalIgnoreCase) && span.Length > PerpSuffix.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Column positions from the header; -1 for an absent optional column.</summary>
    private readonly record struct Columns(
        int Symbol, int Bid, int Ask, int Timestamp, int BidQty, int AskQty, int Category, int FundingRate, int NextFundingTime)
    {
        public int MaxRequired => Math.Max(Symbol, Math.Max(Bid, Ask));

        public static Columns Resolve(SepReaderHeader header, string path)
        {
            var missing = new List<string>();
            var symbol = Required(header, "symbol", missing);
            var bid = Required(header, "bid", missing);
            var ask = Required(header, "ask", missing);
            if (missing.Count > 0)
            {
                throw new QuoteDataException(path, 1, null,
                    $"the header lacks the required column(s) {string.Join(", ", missing)}; "
                    + "a quote file needs a header row with at least symbol, bid and ask");
            }

            return new Columns(
                symbol, bid, ask,
                OptionalIndex(header, "timestamp"),
                OptionalIndex(header, "bid_qty"),
                OptionalIndex(header, "ask_qty"),
                OptionalIndex(header, "category"),
                OptionalIndex(header, "funding_rate"),
                OptionalIndex(header, "next_funding_time"));
        }

        private static int Required(SepReaderHeader header, string name, List<string> missing)
        {
            if (header.TryIndexOf(name, out var index))
            {
                return index;
            }

            missing.Add(name);
            return -1;
        }

        private static int OptionalIndex(SepReaderHeader header, string name) =>
            header.TryIndexOf(name, out var index) ? index : -1;
    }

    // Counts what the parser pulls from the file, for the progress bar.
    private sealed class CountingStream(Stream inner, QuoteCsvReader counter) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            Interlocked.Add(ref counter._bytesRead, read);
            return read;
        }
    }
}
