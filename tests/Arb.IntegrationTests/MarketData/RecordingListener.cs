using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.IntegrationTests.MarketData;

/// <summary>Records what the pipeline offered, checking at the moment of each offer that the book was valid.</summary>
internal sealed class RecordingListener : IMarketDataListener
{
    private readonly Lock _lock = new();
    private readonly List<string> _violations = [];
    private readonly List<(MarketCategory Category, string Event, long UpdateId)> _events = [];

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_lock)
            {
                return [.. _violations];
            }
        }
    }

    public IReadOnlyList<(MarketCategory Category, string Event, long UpdateId)> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public void OnBookUpdated(OrderBook book)
    {
        lock (_lock)
        {
            if (!book.IsValid || !book.TryGetTop(out _, out _))
            {
                _violations.Add($"{book.Category} {book.Symbol} offered while {book.State} at u={book.UpdateId}");
            }

            _events.Add((book.Category, "update", book.UpdateId));
        }
    }

    public void OnBookInvalidated(OrderBook book, string reason)
    {
        lock (_lock)
        {
            _events.Add((book.Category, "invalidated: " + reason, book.UpdateId));
        }
    }

    public void OnTickerUpdated(InstrumentTicker ticker)
    {
    }
}
