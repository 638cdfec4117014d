using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.Cli.Trading;

/// <summary>Hands each market event to two listeners in order (the paper venue's book copy first, then the engine).</summary>
internal sealed class FanOutListener(IMarketDataListener first, IMarketDataListener second) : IMarketDataListener
{
    public void OnBookUpdated(OrderBook book)
    {
        first.OnBookUpdated(book);
        second.OnBookUpdated(book);
    }

    public void OnBookInvalidated(OrderBook book, string reason)
    {
        first.OnBookInvalidated(book, reason);
        second.OnBookInvalidated(book, reason);
    }

    public void OnTickerUpdated(InstrumentTicker ticker)
    {
        first.OnTickerUpdated(ticker);
        second.OnTickerUpdated(ticker);
    }
}
