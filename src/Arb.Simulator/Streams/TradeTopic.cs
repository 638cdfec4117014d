using System.Globalization;
using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Streams;

/// <summary>
/// One <c>publicTrade.{symbol}</c> stream: market trades printed against the synthetic book's best prices (a buy
/// taker at the ask, a sell taker at the bid), a few per second, seeded like the market. Trades have no snapshot
/// to join: a subscriber sees those that happen after it subscribed.
/// </summary>
internal sealed class TradeTopic(string name, SimBook book, ulong seed)
{
    private readonly SplitMix _random = new(seed);
    private readonly JsonFrames _frames = new();
    private long _sequence = (long)(seed % 1_000_000_000UL) + 1;
    private string _lastDirection = "ZeroPlusTick";
    private decimal _lastPrice;

    public string Name { get; } = name;

    /// <summary>The trades of this step as one message, or null when none happened.</summary>
    public byte[]? Advance(long nowMs)
    {
        if (_random.NextDouble() > 0.3 || book.BestBid is not { } bid || book.BestAsk is not { } ask)
        {
            return null;
        }

        var buy = _random.NextDouble() < 0.5;
        var price = buy ? ask : bid;
        var lots = 1 + (long)(_random.NextDouble() * 20);
        var size = lots * book.LotSize;
        _lastDirection = price > _lastPrice ? "PlusTick" : price < _lastPrice ? "MinusTick" : _lastDirection;
        _lastPrice = price;
        _sequence++;

        var w = _frames.Begin();
        w.WriteStartObject();
        w.WriteString("topic", Name);
        w.WriteString("type", "snapshot");
        w.WriteNumber("ts", nowMs);
        w.WriteStartArray("data");
        w.WriteStartObject();
        w.WriteNumber("T", nowMs - 1);
        w.WriteString("s", book.Symbol);
        w.WriteString("S", buy ? "Buy" : "Sell");
        w.WriteString("v", size.ToString(CultureInfo.InvariantCulture));
        w.WriteString("p", price.ToString(CultureInfo.InvariantCulture));
        if (book.Category == MarketCategory.Linear)
        {
            w.WriteString("L", _lastDirection); // tick direction: derivatives only
        }

        w.WriteString("i", new Guid((int)(_sequence & 0x7FFFFFFF), 0, 0, new byte[8]).ToString());
        w.WriteBoolean("BT", false);
        w.WriteNumber("seq", _sequence);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        return _frames.End();
    }
}
