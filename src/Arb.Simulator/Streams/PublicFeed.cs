using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Streams;

/// <summary>
/// The public topics of one market (spot or linear) and who is subscribed to each. After every market step
/// <see cref="Publish"/> sends each topic's delta to its subscribers; a new subscriber first gets the topic's
/// snapshot, so its deltas follow on without a gap. Callers hold the market's gate.
/// </summary>
internal sealed class PublicFeed(SimMarket market, MarketCategory category)
{
    private static readonly int[] Depths = [1, 50, 200];
    private readonly Dictionary<string, BookTopic> _books = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TickerTopic> _tickers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TradeTopic> _trades = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StreamSubscriber>> _subscribers = new(StringComparer.Ordinal);
    private long _nextUpdateIdBase = 10_000_000;

    public MarketCategory Category { get; } = category;

    /// <summary>When true, steps publish nothing while connections stay open (the "silent feed" fault).</summary>
    public bool Paused { get; set; }

    /// <summary>
    /// Subscribes and returns the snapshot the subscriber must be sent before anything else of this topic
    /// (null when already subscribed, or for a topic without snapshots); false with a reason for a topic this
    /// feed does not serve.
    /// </summary>
    public bool Subscribe(StreamSubscriber subscriber, string topic, out byte[]? snapshot, out string? error)
    {
        if (!TryGetSnapshot(topic, out snapshot, out error))
        {
            return false;
        }

        if (!_subscribers.TryGetValue(topic, out var list))
        {
            list = [];
            _subscribers[topic] = list;
        }

        if (list.Contains(subscriber))
        {
            snapshot = null;
        }
        else
        {
            list.Add(subscriber);
        }

        return true;
    }

    public void Unsubscribe(StreamSubscriber subscriber, string topic)
    {
        if (_subscribers.TryGetValue(topic, out var list))
        {
            list.Remove(subscriber);
        }
    }

    public void Remove(StreamSubscriber subscriber)
    {
        foreach (var list in _subscribers.Values)
        {
            list.Remove(subscriber);
        }
    }

    /// <summary>Makes the next delta of every book topic skip one update id (the "sequence gap" fault).</summary>
    public void SkipNextUpdateIds()
    {
        foreach (var topic in _books.Values)
        {
            topic.SkipNextUpdateId = true;
        }
    }

    /// <summary>Sends what changed in this step to every subscriber.</summary>
    public void Publish(long nowMs)
    {
        foreach (var (name, topic) in _books)
        {
            var frame = topic.Advance(nowMs);
            if (frame is not null && !Paused)
            {
                Broadcast(name, frame);
            }
        }

        foreach (var (name, topic) in _tickers)
        {
            var frame = topic.Advance(nowMs);
            if (frame is not null && !Paused)
            {
                Broadcast(name, frame);
            }
        }

        foreach (var (name, topic) in _trades)
        {
            var frame = topic.Advance(nowMs);
            if (frame is not null && !Paused)
            {
                Broadcast(name, frame);
            }
        }
    }

    private void Broadcast(string topic, byte[] frame)
    {
        if (_subscribers.TryGetValue(topic, out var list))
        {
            foreach (var subscriber in list)
            {
                subscriber.Send(frame);
            }
        }
    }

    // orderbook.{1|50|200}.{symbol}, tickers.{symbol} (linear), publicTrade.{symbol}.
    private bool TryGetSnapshot(string topic, out byte[]? snapshot, out string? error)
    {
        snapshot = null;
        error = null;
        var parts = topic.Split('.');
        var symbol = parts.Length > 1 ? market.Find(parts[^1]) : null;
        if (symbol is null)
        {
            error = $"error:handler not found,topic:{topic}";
            return false;
        }

        switch (parts[0])
        {
            case "orderbook" when parts.Length == 3 && int.TryParse(parts[1], out var depth) && Depths.Contains(depth):
                if (!_books.TryGetValue(topic, out var book))
                {
                    book = new BookTopic(topic, symbol.Book(Category), depth, _nextUpdateIdBase);
                    _nextUpdateIdBase += 10_000_000;
                    _books[topic] = book;
                }

                snapshot = book.Snapshot(market.NowMs);
                return true;
            case "tickers" when parts.Length == 2 && Category == MarketCategory.Linear:
                if (!_tickers.TryGetValue(topic, out var ticker))
                {
                    ticker = new TickerTopic(symbol);
                    _tickers[topic] = ticker;
                }

                snapshot = ticker.Snapshot(market.NowMs);
                return true;
            case "publicTrade" when parts.Length == 2:
                if (!_trades.ContainsKey(topic))
                {
                    _trades[topic] = new TradeTopic(topic, symbol.Book(Category), (ulong)market.Options.Seed * 7919UL + (ulong)_trades.Count + (Category == MarketCategory.Spot ? 1UL : 1_000UL));
                }

                return true;
            default:
                error = $"error:handler not found,topic:{topic}";
                return false;
        }
    }
}
