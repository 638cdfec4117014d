using System.Threading.Channels;
using Arb.Bybit.Streams;
using Arb.Domain.Books;
using Arb.Domain.Market;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Arb.Bybit.MarketData;

/// <summary>
/// Live market data: the spot and linear stream connections feed one channel, and a single consumer applies
/// every frame to the books, reports each valid book change to the listener, and sends back what the
/// connections need (quotes and pongs for their health checks, resync requests after a gap).
/// </summary>
public sealed partial class MarketDataPipeline
{
    private readonly Channel<StreamFrame> _frames;
    private readonly IMarketDataListener _listener;
    private readonly ILogger _logger;

    public MarketDataPipeline(
        PublicStreamOptions spot,
        PublicStreamOptions linear,
        IMarketDataListener listener,
        TimeProvider? time = null,
        ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(spot);
        ArgumentNullException.ThrowIfNull(linear);
        _listener = listener ?? throw new ArgumentNullException(nameof(listener));
        loggers ??= NullLoggerFactory.Instance;
        _logger = loggers.CreateLogger<MarketDataPipeline>();

        // Bounded: if the consumer falls behind, the sockets stop reading rather than memory growing.
        _frames = Channel.CreateBounded<StreamFrame>(new BoundedChannelOptions(16_384)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Spot = new PublicStreamClient(spot, _frames.Writer, time, loggers.CreateLogger<PublicStreamClient>());
        Linear = new PublicStreamClient(linear, _frames.Writer, time, loggers.CreateLogger<PublicStreamClient>());
        Processor = new PublicStreamProcessor(spot.Symbols.Union(linear.Symbols), Math.Max(spot.Depth, linear.Depth));
    }

    public PublicStreamClient Spot { get; }

    public PublicStreamClient Linear { get; }

    public PublicStreamProcessor Processor { get; }

    /// <summary>Optional: sees each data frame before it is applied (set before <see cref="RunAsync"/>); null costs nothing.</summary>
    public IRawFrameObserver? RawFrames { get; init; }

    /// <summary>Runs both connections and the consumer until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct = default)
    {
        var consumer = Task.Run(() => ConsumeAsync(ct), CancellationToken.None);
        try
        {
            await Task.WhenAll(Spot.RunAsync(ct), Linear.RunAsync(ct));
        }
        finally
        {
            _frames.Writer.TryComplete();
            await consumer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ConsumeAsync(CancellationToken ct)
    {
        var reader = _frames.Reader;
        try
        {
            while (await reader.WaitToReadAsync(ct))
            {
                while (reader.TryRead(out var frame))
                {
                    Handle(frame);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            while (reader.TryRead(out var frame))
            {
                frame.Release();
            }
        }
    }

    private void Handle(in StreamFrame frame)
    {
        var client = frame.Category == MarketCategory.Spot ? Spot : Linear;
        if (frame.Kind == StreamFrameKind.ConnectionLost)
        {
            foreach (var book in Processor.Books(frame.Category))
            {
                var wasValid = book.IsValid;
                book.MarkStale("connection lost");
                if (wasValid)
                {
                    _listener.OnBookInvalidated(book, "connection lost");
                }
            }

            return;
        }

        FrameResult result;
        try
        {
            RawFrames?.OnFrame(frame);
            result = Processor.Process(frame.Category, frame.Payload);
        }
        finally
        {
            frame.Release();
        }

        if (result.IsQuote)
        {
            client.OnQuote();
        }

        switch (result.Outcome)
        {
            case FrameOutcome.BookSnapshot or FrameOutcome.BookReset:
                client.OnSnapshot(result.Book!.Symbol);
                if (result.Outcome == FrameOutcome.BookReset)
                {
                    LogReset(client.Stats.Stream, result.Book.Symbol);
                }

                _listener.OnBookUpdated(result.Book);
                break;
            case FrameOutcome.BookDelta:
                _listener.OnBookUpdated(result.Book!);
                break;
            case FrameOutcome.BookGap or FrameOutcome.BookCrossed:
                Invalidate(client, result);
                break;
            case FrameOutcome.Ticker:
                _listener.OnTickerUpdated(result.Ticker!);
                break;
            case FrameOutcome.Pong:
                client.OnPong();
                break;
            case FrameOutcome.CommandFailed:
                LogCommandFailed(client.Stats.Stream, result.Error);
                break;
            case FrameOutcome.Malformed:
                client.Stats.CountMalformed();
                LogMalformed(client.Stats.Stream, result.Error);
                break;
        }
    }

    private void Invalidate(PublicStreamClient client, in FrameResult result)
    {
        OrderBook book = result.Book!;
        var reason = result.Outcome == FrameOutcome.BookGap
            ? $"gap: expected u={result.ExpectedUpdateId}, got u={result.ReceivedUpdateId}"
            : "crossed book";
        LogInvalidated(client.Stats.Stream, book.Symbol, reason);
        _listener.OnBookInvalidated(book, reason);
        client.RequestResync(book.Symbol);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Stream} book of {Symbol} is stale: {Reason}")]
    private partial void LogInvalidated(string stream, string symbol, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Stream} book of {Symbol} was reset by the exchange (u=1)")]
    private partial void LogReset(string stream, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Stream} command refused: {Error}")]
    private partial void LogCommandFailed(string stream, string? error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Stream} malformed message skipped: {Error}")]
    private partial void LogMalformed(string stream, string? error);
}
