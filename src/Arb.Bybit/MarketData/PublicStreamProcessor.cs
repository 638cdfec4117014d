using System.Text;
using Arb.Bybit.Parsing;
using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.Bybit.MarketData;

/// <summary>
/// Applies Bybit public-stream frames to local order books and tickers: snapshots replace, deltas apply in
/// update-id order, <c>u == 1</c> resets, a gap or a crossed book makes the book stale until a new snapshot.
/// It owns the books; one thread calls it. Used the same way by the live pipeline and by replay.
/// </summary>
public sealed class PublicStreamProcessor
{
    private readonly PublicMessage _message = new();
    private readonly List<Entry> _spot = [];
    private readonly List<Entry> _linear = [];
    private readonly bool _trackUnknownSymbols;
    private readonly int _depth;

    /// <param name="symbols">The symbols to track in both categories.</param>
    /// <param name="depth">The subscribed book depth.</param>
    /// <param name="trackUnknownSymbols">
    /// Start tracking any symbol that appears (replay of a file whose symbols are not known up front);
    /// otherwise frames for other symbols are ignored.
    /// </param>
    public PublicStreamProcessor(IEnumerable<string> symbols, int depth, bool trackUnknownSymbols = false)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _depth = depth;
        _trackUnknownSymbols = trackUnknownSymbols;
        foreach (var symbol in symbols)
        {
            Add(MarketCategory.Spot, symbol);
            Add(MarketCategory.Linear, symbol);
        }
    }

    /// <summary>The book of a tracked symbol, or null.</summary>
    public OrderBook? FindBook(MarketCategory category, string symbol) =>
        Entries(category).Find(e => e.Book.Symbol == symbol)?.Book;

    /// <summary>The ticker of a tracked symbol, or null.</summary>
    public InstrumentTicker? FindTicker(MarketCategory category, string symbol) =>
        Entries(category).Find(e => e.Book.Symbol == symbol)?.Ticker;

    public IEnumerable<OrderBook> Books(MarketCategory category) => Entries(category).Select(e => e.Book);

    public FrameResult Process(MarketCategory category, ReadOnlySpan<byte> frame)
    {
        var kind = PublicMessageParser.Parse(frame, _message);
        switch (kind)
        {
            case PublicMessageKind.OrderBook:
                return ApplyBook(category);
            case PublicMessageKind.Ticker:
                return ApplyTicker(category);
            case PublicMessageKind.Pong:
                return new FrameResult(FrameOutcome.Pong);
            case PublicMessageKind.CommandAck:
                return new FrameResult(FrameOutcome.CommandAck);
            case PublicMessageKind.CommandFailed:
                return new FrameResult(FrameOutcome.CommandFailed, Error: _message.Error ?? "command failed");
            case PublicMessageKind.OtherTopic:
                return new FrameResult(FrameOutcome.Ignored);
            default:
                return new FrameResult(FrameOutcome.Malformed, Error: _message.Error ?? "malformed");
        }
    }

    /// <summary>
    /// The connection of a category was lost: every one of its books is stale until its next snapshot, because
    /// deltas sent while disconnected are gone.
    /// </summary>
    public void MarkCategoryStale(MarketCategory category, string reason)
    {
        foreach (var entry in Entries(category))
        {
            entry.Book.MarkStale(reason);
        }
    }

    private FrameResult ApplyBook(MarketCategory category)
    {
        var entry = FindOrTrack(category);
        if (entry is null)
        {
            return new FrameResult(FrameOutcome.Ignored);
        }

        var book = entry.Book;
        var m = _message;
        var bids = m.Bids.Span;
        var asks = m.Asks.Span;

        // u == 1 means the exchange restarted its book service: the message is a full book whatever its type.
        if (m.IsSnapshot || m.UpdateId == 1)
        {
            var snapshot = book.ApplySnapshot(bids, asks, m.UpdateId, m.Sequence, m.TimestampMs);
            if (snapshot == BookUpdateResult.Crossed)
            {
                return new FrameResult(FrameOutcome.BookCrossed, book, ReceivedUpdateId: m.UpdateId);
            }

            var outcome = m.UpdateId == 1 && !m.IsSnapshot ? FrameOutcome.BookReset : FrameOutcome.BookSnapshot;
            return new FrameResult(outcome, book, ReceivedUpdateId: m.UpdateId);
        }

        var expected = book.UpdateId + 1;
        return book.ApplyDelta(bids, asks, m.UpdateId, m.Sequence, m.TimestampMs) switch
        {
            BookUpdateResult.Applied => new FrameResult(FrameOutcome.BookDelta, book, ReceivedUpdateId: m.UpdateId),
            BookUpdateResult.Gap => new FrameResult(FrameOutcome.BookGap, book, ExpectedUpdateId: expected, ReceivedUpdateId: m.UpdateId),
            BookUpdateResult.Crossed => new FrameResult(FrameOutcome.BookCrossed, book, ReceivedUpdateId: m.UpdateId),
            _ => new FrameResult(FrameOutcome.BookNotValid, book, ReceivedUpdateId: m.UpdateId),
        };
    }

    private FrameResult ApplyTicker(MarketCategory category)
    {
        var entry = FindOrTrack(category);
        if (entry is null)
        {
            return new FrameResult(FrameOutcome.Ignored);
        }

        var ticker = entry.Ticker;
        ref readonly var f = ref _message.Ticker;
        ticker.LastPrice = f.LastPrice ?? ticker.LastPrice;
        ticker.MarkPrice = f.MarkPrice ?? ticker.MarkPrice;
        ticker.IndexPrice = f.IndexPrice ?? ticker.IndexPrice;
        ticker.FundingRate = f.FundingRate ?? ticker.FundingRate;
        ticker.NextFundingTimeMs = f.NextFundingTimeMs ?? ticker.NextFundingTimeMs;
        ticker.FundingIntervalHours = f.FundingIntervalHours ?? ticker.FundingIntervalHours;
        ticker.Bid1Price = f.Bid1Price ?? ticker.Bid1Price;
        ticker.Bid1Size = f.Bid1Size ?? ticker.Bid1Size;
        ticker.Ask1Price = f.Ask1Price ?? ticker.Ask1Price;
        ticker.Ask1Size = f.Ask1Size ?? ticker.Ask1Size;
        ticker.TimestampMs = _message.TimestampMs;
        ticker.HasSnapshot |= _message.IsSnapshot;
        return new FrameResult(FrameOutcome.Ticker, entry.Book, ticker);
    }

    private Entry? FindOrTrack(MarketCategory category)
    {
        var symbol = _message.Symbol;
        var entries = Entries(category);
        foreach (var entry in entries)
        {
            if (symbol.SequenceEqual(entry.SymbolUtf8))
            {
                return entry;
            }
        }

        return _trackUnknownSymbols ? Add(category, Encoding.UTF8.GetString(symbol)) : null;
    }

    private Entry Add(MarketCategory category, string symbol)
    {
        var entry = new Entry(Encoding.UTF8.GetBytes(symbol), new OrderBook(symbol, category, _depth), new InstrumentTicker(symbol, category));
        Entries(category).Add(entry);
        return entry;
    }

    private List<Entry> Entries(MarketCategory category) => category == MarketCategory.Spot ? _spot : _linear;

    private sealed record Entry(byte[] SymbolUtf8, OrderBook Book, InstrumentTicker Ticker);
}
