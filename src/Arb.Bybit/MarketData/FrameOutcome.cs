namespace Arb.Bybit.MarketData;

/// <summary>What processing one public-stream frame did.</summary>
public enum FrameOutcome
{
    /// <summary>A snapshot replaced the book; it is valid.</summary>
    BookSnapshot,

    /// <summary>A delta was applied in sequence; the book is valid.</summary>
    BookDelta,

    /// <summary>A message with <c>u == 1</c> (exchange service restart) overwrote the book; it is valid.</summary>
    BookReset,

    /// <summary>The update id jumped: the book is stale and needs a fresh snapshot.</summary>
    BookGap,

    /// <summary>The book came out crossed: it is stale and needs a fresh snapshot.</summary>
    BookCrossed,

    /// <summary>A delta for a book that is waiting for a snapshot; dropped.</summary>
    BookNotValid,

    /// <summary>Ticker fields were merged.</summary>
    Ticker,

    Pong,

    CommandAck,

    /// <summary>The exchange refused a command (e.g. a subscribe to an unknown topic).</summary>
    CommandFailed,

    /// <summary>A topic or symbol this processor does not track.</summary>
    Ignored,

    /// <summary>The frame did not parse; it was skipped.</summary>
    Malformed,
}
