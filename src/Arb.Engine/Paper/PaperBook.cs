using Arb.Domain.Books;

namespace Arb.Engine.Paper;

/// <summary>
/// The paper venue's copy of one instrument's live book, and its last mark price. The market-data thread replaces
/// it on every update; order threads walk and consume it. Everything happens under <see cref="Gate"/>.
/// </summary>
internal sealed class PaperBook(int depth)
{
    public Lock Gate { get; } = new();

    public PaperBookSide Bids { get; } = new(depth);

    public PaperBookSide Asks { get; } = new(depth);

    /// <summary>Empty until the first valid book; Stale after an invalidation until the next valid one.</summary>
    public BookState State { get; private set; } = BookState.Empty;

    public string? StaleReason { get; private set; }

    /// <summary>The exchange time of the copied book, Unix ms.</summary>
    public long TimestampMs { get; private set; }

    /// <summary>The ticker's mark price; null until one arrived.</summary>
    public decimal? MarkPrice { get; private set; }

    public void CopyFrom(OrderBook book)
    {
        lock (Gate)
        {
            if (!book.IsValid)
            {
                MarkStaleLocked(book.StaleReason ?? "book not valid");
                return;
            }

            Bids.CopyFrom(book.Bids);
            Asks.CopyFrom(book.Asks);
            TimestampMs = book.TimestampMs;
            State = BookState.Valid;
            StaleReason = null;
        }
    }

    /// <summary>
    /// Like <see cref="CopyFrom"/> after skipped updates: the copy ends as it would have had every update of the book
    /// been copied, given whether an update before this one left the book valid (<paramref name="wasValidBefore"/>).
    /// </summary>
    public void CopyLatest(OrderBook book, bool wasValidBefore)
    {
        lock (Gate)
        {
            if (!book.IsValid && wasValidBefore && State == BookState.Empty)
            {
                // The skipped valid update would have made the copy Valid; this one then makes it stale.
                State = BookState.Stale;
            }
        }

        CopyFrom(book);
    }

    public void Invalidate(string reason)
    {
        lock (Gate)
        {
            MarkStaleLocked(reason);
        }
    }

    public void SetMark(decimal markPrice)
    {
        lock (Gate)
        {
            MarkPrice = markPrice;
        }
    }

    /// <summary>The mark price, read under the lock (a decimal is not written atomically).</summary>
    public decimal? ReadMark()
    {
        lock (Gate)
        {
            return MarkPrice;
        }
    }

    private void MarkStaleLocked(string reason)
    {
        if (State == BookState.Empty)
        {
            return; // never copied: still unknown, nothing to distrust
        }

        State = BookState.Stale;
        StaleReason = reason;
        Bids.Clear();
        Asks.Clear();
    }
}
