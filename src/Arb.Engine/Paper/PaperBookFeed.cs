using System.Collections.Concurrent;
using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.Engine.Paper;

/// <summary>
/// Feeds the paper venue the live books: register it as (or behind) the market-data listener. Called on the
/// market-data thread; each update copies the best <see cref="Depth"/> levels per side into storage allocated on an
/// instrument's first update and reused after, under that instrument's lock, so updates allocate nothing and never
/// wait for more than one paper order's walk. Linear tickers' mark prices are kept for position updates.
/// </summary>
public sealed class PaperBookFeed : IMarketDataListener
{
    private readonly ConcurrentDictionary<(MarketCategory Category, string Symbol), PaperBook> _books = new();

    public PaperBookFeed(int depth = PaperVenueOptions.DefaultBookDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        Depth = depth;
    }

    /// <summary>Levels per side copied from each book.</summary>
    public int Depth { get; }

    public void OnBookUpdated(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        For(book.Category, book.Symbol).CopyFrom(book);
    }

    /// <summary>
    /// Brings the instrument's copy up to date with <paramref name="book"/> after updates that were not copied one by
    /// one (the backtest copies only before matching): the result is what copying every update would have left.
    /// </summary>
    internal void CopyLatest(OrderBook book, bool wasValidBefore) =>
        For(book.Category, book.Symbol).CopyLatest(book, wasValidBefore);

    public void OnBookInvalidated(OrderBook book, string reason)
    {
        ArgumentNullException.ThrowIfNull(book);
        For(book.Category, book.Symbol).Invalidate(reason);
    }

    public void OnTickerUpdated(InstrumentTicker ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        if (ticker.MarkPrice is { } mark)
        {
            For(ticker.Category, ticker.Symbol).SetMark(mark);
        }
    }

    /// <summary>The instrument's copy; null when neither a book nor a ticker of it ever arrived.</summary>
    internal PaperBook? Find(MarketCategory category, string symbol) =>
        _books.TryGetValue((category, symbol), out var book) ? book : null;

    private PaperBook For(MarketCategory category, string symbol) =>
        _books.TryGetValue((category, symbol), out var book)
            ? book
            : _books.GetOrAdd((category, symbol), static (_, depth) => new PaperBook(depth), Depth);
}
