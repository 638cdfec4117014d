using System.Text.Json;
using Arb.Bybit.Parsing;
using Arb.Domain.Books;
using Arb.Domain.Market;
using BenchmarkDotNet.Attributes;

namespace Arb.Benchmarks;

[MemoryDiagnoser]
public class Scratch
{
    private byte[][] _deltas = [];
    private byte[] _snapshot = [];
    private PriceLevel[][] _bids = [];
    private PriceLevel[][] _asks = [];
    private readonly OrderBook _book = new("BTCUSDT", MarketCategory.Linear, 50);
    private PriceLevel[] _snapBids = [];
    private PriceLevel[] _snapAsks = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = "/work/shared/bybit/fixtures/ws_orderbook_linear_snapshot.thirdparty.json";
        (_snapshot, _deltas) = DeltaStream.Create(path, 1000);
        var m = new PublicMessage();
        PublicMessageParser.Parse(_snapshot, m);
        _snapBids = m.Bids.Span.ToArray(); _snapAsks = m.Asks.Span.ToArray();
        _bids = new PriceLevel[1000][]; _asks = new PriceLevel[1000][];
        for (var i = 0; i < 1000; i++) { PublicMessageParser.Parse(_deltas[i], m); _bids[i] = m.Bids.Span.ToArray(); _asks[i] = m.Asks.Span.ToArray(); }
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int TokensOnly()
    {
        var n = 0;
        foreach (var d in _deltas)
        {
            var r = new Utf8JsonReader(d);
            while (r.Read()) n++;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public decimal DecimalsOnly()
    {
        decimal s = 0;
        foreach (var d in _deltas)
        {
            var r = new Utf8JsonReader(d);
            while (r.Read()) if (r.TokenType == JsonTokenType.String && r.ValueSpan.Length > 0 && r.ValueSpan[0] is >= (byte)'0' and <= (byte)'9') { DecimalText.TryParse(r.ValueSpan, out var v); s += 0; }
        }
        return s;
    }

    [Benchmark(OperationsPerInvoke = 1001)]
    public long ApplyOnly()
    {
        _book.ApplySnapshot(_snapBids, _snapAsks, 10132540, 0, 0);
        for (var i = 0; i < 1000; i++) _book.ApplyDelta(_bids[i], _asks[i], 10132541 + i, 0, 0);
        return _book.UpdateId;
    }
}
