using System.Globalization;
using Arb.Simulator.Market;

namespace Arb.Simulator.Streams;

/// <summary>
/// One linear <c>tickers.{symbol}</c> stream: a snapshot with every field, then deltas that carry only the fields
/// that changed since the last push (plus the symbol), as Bybit sends them.
/// </summary>
internal sealed class TickerTopic
{
    private readonly SimSymbolMarket _market;
    private readonly JsonFrames _frames = new();
    private readonly string _startPrice;
    private Dictionary<string, string> _published;
    private decimal _high;
    private decimal _low;
    private decimal _last;
    private string _tickDirection = "ZeroPlusTick";
    private long _crossSequence;

    public TickerTopic(SimSymbolMarket market)
    {
        _market = market;
        Name = $"tickers.{market.Instrument.Symbol}";
        _startPrice = Round(market.Instrument.StartPrice);
        _last = _high = _low = market.MarkPrice;
        _crossSequence = market.Linear.Sequence;
        _published = Fields();
    }

    public string Name { get; }

    public byte[] Snapshot(long nowMs) => Write("snapshot", _published, nowMs);

    /// <summary>A delta with the changed fields, or null when nothing changed.</summary>
    public byte[]? Advance(long nowMs)
    {
        var price = _market.MarkPrice;
        _tickDirection = price > _last ? "PlusTick" : price < _last ? "MinusTick" : _tickDirection.StartsWith("Minus", StringComparison.Ordinal) || _tickDirection == "ZeroMinusTick" ? "ZeroMinusTick" : "ZeroPlusTick";
        _last = price;
        _high = Math.Max(_high, price);
        _low = Math.Min(_low, price);
        _crossSequence = _market.Linear.Sequence;

        var now = Fields();
        var changed = new Dictionary<string, string>(StringComparer.Ordinal) { ["symbol"] = now["symbol"] };
        foreach (var (key, value) in now)
        {
            if (!_published.TryGetValue(key, out var old) || old != value)
            {
                changed[key] = value;
            }
        }

        _published = now;
        return changed.Count == 1 ? null : Write("delta", changed, nowMs);
    }

    // Every field of a linear ticker, in the order Bybit's docs list them; all strings.
    private Dictionary<string, string> Fields()
    {
        var m = _market;
        var bid = m.Linear.Bids.Count > 0 ? m.Linear.Bids[0] : default;
        var ask = m.Linear.Asks.Count > 0 ? m.Linear.Asks[0] : default;
        var start = m.Instrument.StartPrice;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["symbol"] = m.Instrument.Symbol,
            ["tickDirection"] = _tickDirection,
            ["price24hPcnt"] = Math.Round((_last / start) - 1m, 6).ToString("0.000000", CultureInfo.InvariantCulture),
            ["lastPrice"] = Round(_last),
            ["prevPrice24h"] = _startPrice,
            ["highPrice24h"] = Round(_high),
            ["lowPrice24h"] = Round(_low),
            ["prevPrice1h"] = _startPrice,
            ["markPrice"] = Round(m.MarkPrice),
            ["indexPrice"] = m.IndexPrice.ToString("0.00", CultureInfo.InvariantCulture),
            ["openInterest"] = "0",
            ["openInterestValue"] = "0.00",
            ["turnover24h"] = "0.0000",
            ["volume24h"] = "0.0000",
            ["fundingIntervalHour"] = Math.Max(1, (int)Math.Ceiling(m.FundingIntervalHoursExact)).ToString(CultureInfo.InvariantCulture),
            ["fundingCap"] = JsonFrames.Number(SimSymbolMarket.FundingCap),
            ["nextFundingTime"] = m.NextFundingTimeMs.ToString(CultureInfo.InvariantCulture),
            ["fundingRate"] = m.FundingRate.ToString("0.########", CultureInfo.InvariantCulture),
            ["bid1Price"] = m.Linear.Price(bid.Ticks).ToString(CultureInfo.InvariantCulture),
            ["bid1Size"] = JsonFrames.Number(bid.Size),
            ["ask1Price"] = m.Linear.Price(ask.Ticks).ToString(CultureInfo.InvariantCulture),
            ["ask1Size"] = JsonFrames.Number(ask.Size),
            ["preOpenPrice"] = "",
            ["preQty"] = "",
            ["curPreListingPhase"] = "",
        };
    }

    private string Round(decimal price)
    {
        var tick = _market.Instrument.LinearTickSize;
        return (Math.Round(price / tick, MidpointRounding.AwayFromZero) * tick).ToString(CultureInfo.InvariantCulture);
    }

    private byte[] Write(string type, Dictionary<string, string> fields, long nowMs)
    {
        var w = _frames.Begin();
        w.WriteStartObject();
        w.WriteString("topic", Name);
        w.WriteString("type", type);
        w.WriteStartObject("data");
        foreach (var (key, value) in fields)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteNumber("cs", _crossSequence);
        w.WriteNumber("ts", nowMs);
        w.WriteEndObject();
        return _frames.End();
    }
}
