using Arb.Domain.Books;

namespace Arb.Domain.Market;

/// <summary>
/// Receives market events on the single market-data thread, in exchange order. Implementations must be quick
/// and must not keep the book beyond the call: it changes with the next message.
/// </summary>
public interface IMarketDataListener
{
    /// <summary>A book changed and is valid: the only moment a book is offered for decisions.</summary>
    void OnBookUpdated(OrderBook book);

    /// <summary>A book stopped being trustworthy (gap, crossed, connection lost) until its next snapshot.</summary>
    void OnBookInvalidated(OrderBook book, string reason);

    /// <summary>Ticker fields (mark, index, funding) changed.</summary>
    void OnTickerUpdated(InstrumentTicker ticker);
}
