using Arb.Domain.Market;

namespace Arb.Domain.Books;

/// <summary>
/// A local copy of one instrument's order book, rebuilt from an exchange snapshot and kept current by
/// sequenced deltas. Any break in the sequence, or a crossed result, makes it stale until the next snapshot:
/// a book that is not <see cref="BookState.Valid"/> must never be used for a trading decision.
/// Not thread-safe: one owner applies updates and answers queries.
/// </summary>
public sealed class OrderBook
{
    public OrderBook(string symbol, MarketCategory category, int depth)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        Symbol = symbol;
        Category = category;
        Depth = depth;
        var capacity = Math.Min(depth, 1024) + 16;
        Bids = new BookSide(isBid: true, capacity);
        Asks = new BookSide(isBid: false, capacity);
    }

    public string Symbol { get; }

    public MarketCategory Category { get; }

    /// <summary>The number of levels per side the exchange keeps in this book's stream.</summary>
    public int Depth { get; }

    public BookSide Bids { get; }

    public BookSide Asks { get; }

    public BookState State { get; private set; } = BookState.Empty;

    public bool IsValid => State == BookState.Valid;

    /// <summary>Why the book last became stale; null while valid.</summary>
    public string? StaleReason { get; private set; }

    /// <summary>The exchange's update id of the last applied message (Bybit <c>u</c>).</summary>
    public long UpdateId { get; private set; }

    /// <summary>The exchange's cross sequence of the last applied message (Bybit <c>seq</c>).</summary>
    public long Sequence { get; private set; }

    /// <summary>Exchange timestamp of the last applied message, Unix ms.</summary>
    public long TimestampMs { get; private set; }

    /// <summary>Replaces the whole book. The book is valid afterwards unless the snapshot is crossed.</summary>
    public BookUpdateResult ApplySnapshot(
        ReadOnlySpan<PriceLevel> bids, ReadOnlySpan<PriceLevel> asks, long updateId, long sequence, long timestampMs)
    {
        Bids.Load(bids);
        Asks.Load(asks);
        UpdateId = updateId;
        Sequence = sequence;
        TimestampMs = timestampMs;
        State = BookState.Valid;
        StaleReason = null;
        return CheckCrossed();
    }

    /// <summary>
    /// Applies a delta whose update id must be the next one. Sizes are absolute; zero deletes the level.
    /// </summary>
    public BookUpdateResult ApplyDelta(
        ReadOnlySpan<PriceLevel> bids, ReadOnlySpan<PriceLevel> asks, long updateId, long sequence, long timestampMs)
    {
        if (State != BookState.Valid)
        {
            return BookUpdateResult.IgnoredNotValid;
        }

        if (updateId != UpdateId + 1)
        {
            MarkStale("gap");
            return BookUpdateResult.Gap;
        }

        foreach (ref readonly var level in bids)
        {
            Bids.Set(level);
        }

        foreach (ref readonly var level in asks)
        {
            Asks.Set(level);
        }

        UpdateId = updateId;
        Sequence = sequence;
        TimestampMs = timestampMs;
        return CheckCrossed();
    }

    /// <summary>Stops trusting the book until the next snapshot.</summary>
    public void MarkStale(string reason)
    {
        if (State == BookState.Empty)
        {
            return; // never built: nothing to distrust, still waiting for the first snapshot
        }

        State = BookState.Stale;
        StaleReason = reason;
    }

    /// <summary>Best bid and best ask; false unless the book is valid and both sides have a level.</summary>
    public bool TryGetTop(out PriceLevel bestBid, out PriceLevel bestAsk)
    {
        bestAsk = default;
        return IsValid & Bids.TryGetBest(out bestBid) & Asks.TryGetBest(out bestAsk);
    }

    /// <summary>What buying <paramref name="quantity"/> base units now would cost, walking the asks.</summary>
    public DepthFill EstimateBuy(decimal quantity) => Asks.Take(quantity);

    /// <summary>What selling <paramref name="quantity"/> base units now would bring, walking the bids.</summary>
    public DepthFill EstimateSell(decimal quantity) => Bids.Take(quantity);

    private BookUpdateResult CheckCrossed()
    {
        if (BookSide.Crosses(Bids, Asks))
        {
            MarkStale("crossed");
            return BookUpdateResult.Crossed;
        }

        return BookUpdateResult.Applied;
    }
}
