using System.Buffers;
using System.Threading.Channels;
using Arb.Bybit.Streams;
using Arb.Domain.Books;
using Arb.Domain.Market;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Record;

/// <summary>
/// Records market data as the bot receives it: a quotes CSV row for every update of a valid book and every raw
/// public WebSocket frame, into daily files of <c>--out</c> (<see cref="DailyRecordingFiles"/>). The callbacks run
/// on the market-data thread and only queue values; a writer task does the formatting and the disk I/O and
/// flushes every <see cref="FlushInterval"/>. The queue is bounded: when the disk cannot keep up, items are
/// dropped, counted and reported, and market data is never held back.
/// </summary>
internal sealed partial class MarketRecorder : IMarketDataListener, IRawFrameObserver, IAsyncDisposable
{
    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<RecordedItem> _items;
    private readonly Dictionary<string, InstrumentTicker> _funding = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, MarketCategory), long> _rows = [];
    private readonly Dictionary<MarketCategory, long> _frames = [];
    private readonly CancellationTokenSource _stopFlushing = new();
    private Task _writing = Task.CompletedTask;
    private Task _flushing = Task.CompletedTask;
    private long _dropped;
    private long _writeErrors;
    private IReadOnlyList<string> _files = [];

    public MarketRecorder(string directory, TimeProvider time, ILogger logger, int capacity = 1 << 18)
    {
        _directory = directory;
        _time = time;
        _logger = logger;
        _items = Channel.CreateBounded<RecordedItem>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of blocking: the item is counted as dropped
        });
    }

    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Items dropped so far because the writer fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Starts the writer and the flush timer.</summary>
    public void Start()
    {
        _writing = Task.Run(WriteAsync);
        _flushing = FlushPeriodicallyAsync(_stopFlushing.Token);
    }

    /// <summary>Call once market data has stopped: writes what is queued, flushes, closes the files.</summary>
    public async Task<RecordingSummary> StopAsync()
    {
        await _stopFlushing.CancelAsync();
        await _flushing;
        _items.Writer.TryComplete();
        await _writing;
        return new RecordingSummary(
            _directory,
            _rows.ToDictionary(r => r.Key, r => r.Value),
            new Dictionary<MarketCategory, long>(_frames),
            _files,
            Dropped,
            Interlocked.Read(ref _writeErrors));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_items.Reader.Completion.IsCompleted)
        {
            await StopAsync();
        }

        _stopFlushing.Dispose();
    }

    public void OnBookUpdated(OrderBook book)
    {
        if (!book.TryGetTop(out var bid, out var ask))
        {
            return; // a valid book with an empty side has no quote to write
        }

        decimal? rate = null;
        long? next = null;
        if (book.Category == MarketCategory.Linear && _funding.TryGetValue(book.Symbol, out var ticker))
        {
            rate = ticker.FundingRate;
            next = ticker.NextFundingTimeMs;
        }

        Enqueue(new RecordedItem(RecordedKind.Quote, NowMs(), book.Category, book.Symbol, bid, ask, rate, next));
    }

    public void OnBookInvalidated(OrderBook book, string reason)
    {
    }

    // The ticker object is kept current by the parser: remembering it is enough to read the latest funding.
    public void OnTickerUpdated(InstrumentTicker ticker)
    {
        if (ticker.Category == MarketCategory.Linear)
        {
            _funding[ticker.Symbol] = ticker;
        }
    }

    public void OnFrame(in StreamFrame frame)
    {
        var copy = ArrayPool<byte>.Shared.Rent(Math.Max(frame.Length, 1));
        frame.Payload.CopyTo(copy);
        if (!Enqueue(new RecordedItem(RecordedKind.Frame, NowMs(), frame.Category, Buffer: copy, Length: frame.Length)))
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private bool Enqueue(in RecordedItem item)
    {
        if (_items.Writer.TryWrite(item))
        {
            return true;
        }

        if (Interlocked.Increment(ref _dropped) == 1)
        {
            LogFirstDrop(_directory);
        }

        return false;
    }

    private async Task FlushPeriodicallyAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(FlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                _items.Writer.TryWrite(RecordedItem.Flush); // a full queue is being written anyway
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WriteAsync()
    {
        var reader = _items.Reader;
        var files = new DailyRecordingFiles(_directory);
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var item))
                {
                    Write(files, item);
                }
            }
        }
        finally
        {
            Guard(files.Dispose);
            _files = [.. files.Files];
        }
    }

    private void Write(DailyRecordingFiles files, in RecordedItem item)
    {
        try
        {
            switch (item.Kind)
            {
                case RecordedKind.Quote:
                    files.WriteQuote(item);
                    var key = (item.Symbol!, item.Category);
                    _rows[key] = _rows.GetValueOrDefault(key) + 1;
                    break;
                case RecordedKind.Frame:
                    files.WriteFrame(item);
                    _frames[item.Category] = _frames.GetValueOrDefault(item.Category) + 1;
                    break;
                case RecordedKind.Flush:
                    files.Flush();
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Increment(ref _writeErrors) == 1)
            {
                LogWriteFailed(_directory, ex.Message);
            }
        }
        finally
        {
            if (item.Buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(item.Buffer);
            }
        }
    }

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _writeErrors);
            LogWriteFailed(_directory, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "recording to {Directory} falls behind: items are being dropped (counted in the summary)")]
    private partial void LogFirstDrop(string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "recording to {Directory} failed to write: {Reason} (further failures are counted in the summary)")]
    private partial void LogWriteFailed(string directory, string reason);
}
