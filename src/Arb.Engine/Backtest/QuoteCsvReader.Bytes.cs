using System.Buffers;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Arb.Domain.Market;
using nietras.SeparatedValues;

namespace Arb.Engine.Backtest;

public sealed partial class QuoteCsvReader
{
    /// <summary>The fields of one row as text, whichever parser split it.</summary>
    private interface IRowFields
    {
        int ColCount { get; }

        ReadOnlySpan<char> this[int index] { get; }
    }

    private readonly ref struct SepFields : IRowFields
    {
        private readonly SepReader.Row _row;

        public SepFields(SepReader.Row row) => _row = row;

        public int ColCount => _row.ColCount;

        public ReadOnlySpan<char> this[int index] => _row[index].Span;
    }

    /// <summary>A line without quotes split at every comma: what Sep gives for it.</summary>
    private readonly ref struct LineFields : IRowFields
    {
        private readonly ReadOnlySpan<char> _line;
        private readonly ReadOnlySpan<int> _commas;

        public LineFields(ReadOnlySpan<char> line, ReadOnlySpan<int> commas)
        {
            _line = line;
            _commas = commas;
        }

        public int ColCount => _commas.Length + 1;

        public ReadOnlySpan<char> this[int index]
        {
            get
            {
                var start = index == 0 ? 0 : _commas[index - 1] + 1;
                var end = index == _commas.Length ? _line.Length : _commas[index];
                return _line[start..end];
            }
        }
    }

    /// <summary>
    /// The fast path: reads plain ASCII files (no quotes, no carriage returns, no blank lines, no bytes above 0x7F)
    /// straight from the (decompressed) bytes. Common rows (plain numbers, epoch-millisecond times, no spaces, nothing
    /// wrong) are parsed from the bytes; any other row is decoded and goes through the same <c>ParseRow</c> as the Sep
    /// path, so values, rejections, messages and line numbers are the same. At the first line it cannot read as plain
    /// text it stops (<see cref="HandedOver"/>) and the caller re-reads the file with Sep from that line on.
    /// </summary>
    private sealed class ByteRows : IDisposable
    {
        private const int MaxColumns = 256;

        // Bytes a common row is made of; anything else sends the row (or the file) to a slower path.
        private static readonly SearchValues<byte> PlainBytes = SearchValues.Create(
            "!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

        private readonly QuoteCsvReader _owner;
        private readonly string _path;
        private readonly Stream _stream;
        private readonly Columns _columns;
        private readonly int[] _fieldEnds = new int[MaxColumns + 1];
        private readonly byte[]?[] _recentBytes = new byte[]?[4];
        private readonly string?[] _recentStrings = new string?[4];
        private byte[] _buffer;
        private int[] _commas = new int[64];
        private char[] _chars = new char[256];
        private int _start;
        private int _end;
        private bool _eof;

        private ByteRows(QuoteCsvReader owner, string path, Stream stream, Columns columns, byte[] buffer, int start, int end)
        {
            _owner = owner;
            _path = path;
            _stream = stream;
            _columns = columns;
            _buffer = buffer;
            _start = start;
            _end = end;
            NextLine = 2;
        }

        /// <summary>The line the next row starts on (the header is line 1).</summary>
        public long NextLine { get; private set; }

        public long? LastTime { get; private set; }

        public long Tick { get; private set; }

        /// <summary>True when it stopped at a line it cannot read: the rest is for the Sep path, from <see cref="NextLine"/>.</summary>
        public bool HandedOver { get; private set; }

        /// <summary>Null when the file does not start with a plain header line (the Sep path reads it all).</summary>
        public static ByteRows? TryOpen(QuoteCsvReader owner, string path)
        {
            Stream stream = new CountingStream(
                new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), owner);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                stream = new GZipStream(stream, CompressionMode.Decompress);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            var handed = false;
            try
            {
                var end = 0;
                int read;
                while (end < buffer.Length && (read = stream.Read(buffer, end, buffer.Length - end)) > 0)
                {
                    end += read;
                }

                var start = buffer.AsSpan(0, end).StartsWith("\uFEFF"u8) ? 3 : 0;
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline <= 0 || !IsSpaceOrPlain(buffer.AsSpan(start, newline)))
                {
                    return null;
                }

                // Sep resolves the header, as it would have from the file.
                Columns columns;
                using (var headerReader = SepOptions.FromText(Encoding.ASCII.GetString(buffer, start, newline) + "\n"))
                {
                    columns = Columns.Resolve(headerReader.Header, path);
                }

                if (Math.Max(columns.MaxRequired, MaxOptional(columns)) >= MaxColumns)
                {
                    return null;
                }

                CheckMarketsTellable(columns, path);
                var rows = new ByteRows(owner, path, stream, columns, buffer, start + newline + 1, end);
                handed = true;
                return rows;
            }
            finally
            {
                if (!handed)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    stream.Dispose();
                }
            }
        }

        public void Dispose()
        {
            _stream.Dispose();
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
            }
        }

        /// <summary>The next good row; false at the end of the file or when it hands the file over.</summary>
        public bool TryNext(out QuoteRow quote)
        {
            while (TryLine(out var line, out var colCount, out var odd))
            {
                var lineNumber = NextLine;
                if (line.IsEmpty || (odd && !IsSpaceOrPlain(line)))
                {
                    HandedOver = true;
                    quote = default;
                    return false;
                }

                NextLine++;
                if (!odd && TryParseCommon(line, colCount, lineNumber, out quote))
                {
                    Accept(quote);
                    return true;
                }

                var outcome = ParseDecoded(line, lineNumber, out quote, out var detail);
                if (outcome is { } reason)
                {
                    if (!_owner.SkipBadRows)
                    {
                        throw new QuoteDataException(_path, lineNumber, reason, detail);
                    }

                    _owner._skipped[(int)reason]++;
                    continue;
                }

                Accept(quote);
                return true;
            }

            quote = default;
            return false;
        }

        private static bool IsSpaceOrPlain(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (b != (byte)' ' && b != (byte)'\t' && !PlainBytes.Contains(b))
                {
                    return false;
                }
            }

            return true;
        }

        private static int MaxOptional(Columns c) =>
            Math.Max(Math.Max(Math.Max(c.Timestamp, c.BidQty), Math.Max(c.AskQty, c.Category)), Math.Max(c.FundingRate, c.NextFundingTime));

        private void Accept(in QuoteRow quote)
        {
            Tick++;
            if (_columns.Timestamp >= 0)
            {
                LastTime = quote.TimestampMs;
            }
        }

        private BadRowReason? ParseDecoded(ReadOnlySpan<byte> line, long lineNumber, out QuoteRow quote, out string detail)
        {
            if (_chars.Length < line.Length)
            {
                _chars = new char[Math.Max(line.Length, _chars.Length * 2)];
            }

            var chars = _chars.AsSpan(0, Encoding.ASCII.GetChars(line, _chars));
            var commaCount = chars.Count(',');
            if (_commas.Length < commaCount)
            {
                _commas = new int[Math.Max(commaCount, _commas.Length * 2)];
            }

            var n = 0;
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] == ',')
                {
                    _commas[n++] = i;
                }
            }

            return _owner.ParseRow(
                new LineFields(chars, _commas.AsSpan(0, n)), _columns, lineNumber, Tick, LastTime, out quote, out detail);
        }

        /// <summary>A row without spaces in which every field is in its common form; false leaves it to <c>ParseRow</c>.</summary>
        private bool TryParseCommon(ReadOnlySpan<byte> line, int colCount, long lineNumber, out QuoteRow quote)
        {
            quote = default;
            var ends = _fieldEnds;
            var c = _columns;
            if (c.MaxRequired >= colCount)
            {
                return false;
            }

            var symbol = Field(line, ends, c.Symbol);
            if (symbol.IsEmpty)
            {
                return false;
            }

            MarketCategory category;
            if (c.Category >= 0)
            {
                var text = c.Category < colCount ? Field(line, ends, c.Category) : default;
                if (text.Length == 4 && (text[0] | 0x20) == 's' && (text[1] | 0x20) == 'p' && (text[2] | 0x20) == 'o' && (text[3] | 0x20) == 't')
                {
                    category = MarketCategory.Spot;
                }
                else if (text.Length == 6 && Ascii.EqualsIgnoreCase(text, "linear"u8))
                {
                    category = MarketCategory.Linear;
                }
                else
                {
                    return false;
                }
            }
            else if (symbol.Length > PerpSuffix.Length && Ascii.EqualsIgnoreCase(symbol[^PerpSuffix.Length..], "-PERP"u8))
            {
                category = MarketCategory.Linear;
                symbol = symbol[..^PerpSuffix.Length];
            }
            else
            {
                category = MarketCategory.Spot;
            }

            if (!PlainDecimal.TryParsePlain(Field(line, ends, c.Bid), out var bid)
                || !PlainDecimal.TryParsePlain(Field(line, ends, c.Ask), out var ask)
                || bid > ask
                || !OptionalDecimal(line, ends, colCount, c.BidQty, out var bidQty)
                || !OptionalDecimal(line, ends, colCount, c.AskQty, out var askQty)
                || bidQty < 0 || askQty < 0
                || !OptionalDecimal(line, ends, colCount, c.FundingRate, out var fundingRate)
                || !OptionalTime(line, ends, colCount, c.NextFundingTime, out var nextFunding))
            {
                return false;
            }

            long? timestamp;
            if (c.Timestamp >= 0)
            {
                if (!OptionalTime(line, ends, colCount, c.Timestamp, out timestamp) || timestamp is null || timestamp < LastTime)
                {
                    return false;
                }
            }
            else
            {
                timestamp = _owner.StartTimeMs + (Tick * _owner.TickSpacingMs);
            }

            quote = new QuoteRow(Intern(symbol), category, bid, ask, bidQty, askQty, timestamp, fundingRate, nextFunding, lineNumber);
            return true;
        }

        private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, int[] ends, int index)
        {
            var start = index == 0 ? 0 : ends[index - 1] + 1;
            return line[start..ends[index]];
        }

        private static bool OptionalDecimal(ReadOnlySpan<byte> line, int[] ends, int colCount, int index, out decimal? value)
        {
            value = null;
            if (index < 0 || index >= colCount)
            {
                return true;
            }

            var field = Field(line, ends, index);
            if (field.IsEmpty)
            {
                return true;
            }

            if (!PlainDecimal.TryParsePlain(field, out var parsed))
            {
                return false;
            }

            value = parsed;
            return true;
        }

        private static bool OptionalTime(ReadOnlySpan<byte> line, int[] ends, int colCount, int index, out long? value)
        {
            value = null;
            if (index < 0 || index >= colCount)
            {
                return true;
            }

            var field = Field(line, ends, index);
            if (field.IsEmpty)
            {
                return true;
            }

            if (field.Length > 18)
            {
                return false;
            }

            var digits = 0L;
            foreach (var b in field)
            {
                var digit = (uint)(b - (byte)'0');
                if (digit > 9)
                {
                    return false;
                }

                digits = (digits * 10) + digit;
            }

            value = digits;
            return true;
        }

        private string Intern(ReadOnlySpan<byte> symbol)
        {
            for (var i = 0; i < _recentBytes.Length; i++)
            {
                var known = _recentBytes[i];
                if (known is null)
                {
                    break;
                }

                if (symbol.SequenceEqual(known))
                {
                    return _recentStrings[i]!;
                }
            }

            Span<char> chars = symbol.Length <= 128 ? stackalloc char[symbol.Length] : new char[symbol.Length];
            Encoding.ASCII.GetChars(symbol, chars);
            var interned = _owner.Intern(chars);
            var free = Array.IndexOf(_recentBytes, null);
            if (free >= 0)
            {
                _recentBytes[free] = symbol.ToArray();
                _recentStrings[free] = interned;
            }

            return interned;
        }

        /// <summary>
        /// The next line without its newline (the last line of the file may lack one), where its fields end (in
        /// <see cref="_fieldEnds"/>, up to <see cref="MaxColumns"/> of them) and whether it holds any byte other than
        /// the common printable ones (space, tab, quote, control, non-ASCII).
        /// </summary>
        private bool TryLine(out ReadOnlySpan<byte> line, out int colCount, out bool odd)
        {
            while (true)
            {
                var length = Scan(out colCount, out odd);
                if (length >= 0)
                {
                    line = _buffer.AsSpan(_start, length);
                    _start += length + 1;
                    return true;
                }

                if (_eof)
                {
                    line = _buffer.AsSpan(_start, _end - _start);
                    _start = _end;
                    return !line.IsEmpty;
                }

                Fill();
            }
        }

        /// <summary>One pass over the pending bytes up to the first newline: its offset from the line's start, or -1 when there is none yet.</summary>
        private int Scan(out int colCount, out bool odd)
        {
            var buffer = _buffer;
            var ends = _fieldEnds;
            var start = _start;
            var end = _end;
            var n = 0;
            var bad = false;
            var i = start;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var first = ref MemoryMarshal.GetArrayDataReference(buffer);
                var newlines = Vector256.Create((byte)'\n');
                var commas = Vector256.Create((byte)',');
                var quotes = Vector256.Create((byte)'"');
                var low = Vector256.Create((byte)0x21);
                var width = Vector256.Create((byte)(0x7F - 0x21));
                while (i < end && i + Vector256<byte>.Count <= buffer.Length)
                {
                    // Bytes past the pending data are read but masked off.
                    var v = Vector256.LoadUnsafe(ref first, (nuint)i);
                    var valid = end - i >= 32 ? uint.MaxValue : (1u << (end - i)) - 1;
                    var newline = Vector256.Equals(v, newlines).ExtractMostSignificantBits() & valid;
                    var keep = newline != 0 ? (newline & (0u - newline)) - 1 : valid;
                    var comma = Vector256.Equals(v, commas).ExtractMostSignificantBits() & keep;
                    var other = (~Vector256.LessThan(v - low, width) | Vector256.Equals(v, quotes)).ExtractMostSignificantBits() & keep;
                    bad |= other != 0;
                    while (comma != 0)
                    {
                        if (n < MaxColumns)
                        {
                            ends[n++] = i - start + BitOperations.TrailingZeroCount(comma);
                        }

                        comma &= comma - 1;
                    }

                    if (newline != 0)
                    {
                        var length = i - start + BitOperations.TrailingZeroCount(newline);
                        ends[n++] = length;
                        colCount = n;
                        odd = bad;
                        return length;
                    }

                    i += Vector256<byte>.Count;
                }
            }

            for (; i < end; i++)
            {
                var c = buffer[i];
                if (c == (byte)'\n')
                {
                    var length = i - start;
                    ends[n++] = length;
                    colCount = n;
                    odd = bad;
                    return length;
                }

                if (c == (byte)',')
                {
                    if (n < MaxColumns)
                    {
                        ends[n++] = i - start;
                    }
                }
                else if ((uint)(c - 0x21) > 0x7E - 0x21 || c == (byte)'"')
                {
                    bad = true;
                }
            }

            // No newline yet: at the end of the file this is the last line.
            ends[n++] = end - start;
            colCount = n;
            odd = bad;
            return -1;
        }

        private void Fill()
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, _end).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }
            else
            {
                _end += read;
            }
        }
    }
}
