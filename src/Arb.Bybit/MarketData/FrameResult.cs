using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.Bybit.MarketData;

/// <summary>The outcome of one frame, with the book or ticker it touched.</summary>
/// <param name="ExpectedUpdateId">For a gap: the update id that should have come.</param>
/// <param name="ReceivedUpdateId">For a book message: the update id that came.</param>
/// <param name="Error">For malformed frames and failed commands: why.</param>
public readonly record struct FrameResult(
    FrameOutcome Outcome,
    OrderBook? Book = null,
    InstrumentTicker? Ticker = null,
    long ExpectedUpdateId = 0,
    long ReceivedUpdateId = 0,
    string? Error = null)
{
    /// <summary>True when the frame left its book valid and changed: the moment to offer it to the strategy.</summary>
    public bool BookChanged => Outcome is FrameOutcome.BookSnapshot or FrameOutcome.BookDelta or FrameOutcome.BookReset;

    /// <summary>True when the book became stale and must be resynchronised.</summary>
    public bool NeedsResync => Outcome is FrameOutcome.BookGap or FrameOutcome.BookCrossed;

    /// <summary>True for a book or ticker message of a tracked symbol: proof that quotes are still flowing.</summary>
    public bool IsQuote => Outcome is FrameOutcome.BookSnapshot or FrameOutcome.BookDelta or FrameOutcome.BookReset
        or FrameOutcome.BookGap or FrameOutcome.BookCrossed or FrameOutcome.BookNotValid or FrameOutcome.Ticker;
}
