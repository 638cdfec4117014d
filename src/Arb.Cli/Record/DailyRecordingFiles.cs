using System.Globalization;
using System.Text;
using Arb.Domain.Market;

namespace Arb.Cli.Record;

/// <summary>
/// The open files of a recording: the quotes CSV and one frames file per category, all of one UTC day. An item
/// of another day closes them; the next day's files are opened when first written (appended to when they
/// exist, the CSV header only in a new or empty file). Single owner: the recorder's writer.
/// </summary>
internal sealed class DailyRecordingFiles(string directory) : IDisposable
{
    public const string QuoteHeader = "timestamp,symbol,category,bid,bid_qty,ask,ask_qty,funding_rate,next_funding_time";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly List<string> _files = [];
    private DateOnly _day;
    private StreamWriter? _quotes;
    private FileStream? _spotFrames;
    private FileStream? _linearFrames;

    /// <summary>Every file written to, in the order first opened.</summary>
    public IReadOnlyList<string> Files => _files;

    public void WriteQuote(in RecordedItem quote)
    {
        var day = DayOf(quote.TimestampMs);
        var writer = _quotes ??= OpenQuotes(day);

        Write(writer, quote.TimestampMs);
        writer.Write(',');
        writer.Write(quote.Symbol);
        writer.Write(',');
        writer.Write(quote.Category.ToWireName());
        writer.Write(',');
        Write(writer, quote.Bid.Price);
        writer.Write(',');
        Write(writer, quote.Bid.Size);
        writer.Write(',');
        Write(writer, quote.Ask.Price);
        writer.Write(',');
        Write(writer, quote.Ask.Size);
        writer.Write(',');
        if (quote.FundingRate is { } rate)
        {
            Write(writer, rate);
        }

        writer.Write(',');
        if (quote.NextFundingTimeMs is { } next)
        {
            Write(writer, next);
        }

        writer.Write('\n');
    }

    public void WriteFrame(in RecordedItem frame)
    {
        var day = DayOf(frame.TimestampMs);
        var file = frame.Category == MarketCategory.Spot
            ? _spotFrames ??= OpenFrames(MarketCategory.Spot, day)
            : _linearFrames ??= OpenFrames(MarketCategory.Linear, day);
        // One message a line: a line break inside a frame can only be JSON whitespace (strings escape them),
        // so a space keeps the message's meaning and the file's format.
        var payload = frame.Buffer.AsSpan(0, frame.Length);
        payload.Replace((byte)'\n', (byte)' ');
        payload.Replace((byte)'\r', (byte)' ');
        file.Write(payload);
        file.WriteByte((byte)'\n');
    }

    public void Flush()
    {
        _quotes?.Flush();
        _spotFrames?.Flush();
        _linearFrames?.Flush();
    }

    public void Dispose() => CloseAll();

    // The item's UTC day; a new day closes the files of the previous one.
    private DateOnly DayOf(long timestampMs)
    {
        var day = RecordingPaths.UtcDay(timestampMs);
        if (day != _day)
        {
            CloseAll();
            _day = day;
        }

        return day;
    }

    private void CloseAll()
    {
        _quotes?.Dispose();
        _spotFrames?.Dispose();
        _linearFrames?.Dispose();
        _quotes = null;
        _spotFrames = null;
        _linearFrames = null;
    }

    private StreamWriter OpenQuotes(DateOnly day)
    {
        var stream = OpenForAppend(RecordingPaths.Quotes(directory, day), out var isNew);
        var writer = new StreamWriter(stream, Utf8, 1 << 16);
        if (isNew)
        {
            writer.Write(QuoteHeader);
            writer.Write('\n');
        }

        return writer;
    }

    private FileStream OpenFrames(MarketCategory category, DateOnly day) =>
        OpenForAppend(RecordingPaths.Frames(directory, category, day), out _);

    // Appends to what an earlier run of the same day wrote. If that run was killed mid-line, the line is ended
    // first so the torn line stays one bad line instead of merging with the next good one.
    private FileStream OpenForAppend(string path, out bool isNew)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        isNew = stream.Length == 0;
        if (!isNew)
        {
            stream.Seek(-1, SeekOrigin.End);
            var last = stream.ReadByte();
            if (last != '\n')
            {
                stream.WriteByte((byte)'\n');
            }
        }

        if (!_files.Contains(path))
        {
            _files.Add(path);
        }

        return stream;
    }

    // Formatted on the stack: no string per number.
    private static void Write<T>(StreamWriter writer, T value)
        where T : ISpanFormattable
    {
        Span<char> text = stackalloc char[64];
        if (value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture))
        {
            writer.Write(text[..written]);
        }
        else
        {
            writer.Write(value.ToString(null, CultureInfo.InvariantCulture));
        }
    }
}
