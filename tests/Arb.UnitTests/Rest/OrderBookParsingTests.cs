using Arb.Bybit.Rest;
using Arb.Domain.Books;

namespace Arb.UnitTests.Rest;

public sealed class OrderBookParsingTests
{
    [Fact]
    public void Linear_snapshot_with_string_ids_parses_levels_in_exchange_order()
    {
        var envelope = FixtureEnvelope.Load("rest_orderbook_linear.ccxt.json");

        var book = MarketParsers.ParseOrderBook(envelope.Result);

        Assert.Equal("BTCUSDT", book.Symbol);
        Assert.Equal([new PriceLevel(42544.7m, 172.404m), new PriceLevel(42544.5m, 88.856m)], book.Bids);
        Assert.Equal([new PriceLevel(42548m, 108.998m), new PriceLevel(42548.2m, 75.008m)], book.Asks);
        Assert.Equal(342690, book.UpdateId);
        Assert.Equal(429272667, book.Sequence);
        Assert.Equal(1706803948569, book.TimestampMs);
    }

    [Fact]
    public void Spot_snapshot_without_seq_parses_with_null_sequence()
    {
        var envelope = FixtureEnvelope.Load("rest_orderbook_spot.ccxt.json");

        var book = MarketParsers.ParseOrderBook(envelope.Result);

        Assert.Equal("BTCUSDT", book.Symbol);
        Assert.Equal([new PriceLevel(29861m, 0.00101m), new PriceLevel(29829.3m, 0.000667m)], book.Bids);
        Assert.Equal([new PriceLevel(29971.81m, 0.001161m), new PriceLevel(29988.93m, 0.112648m)], book.Asks);
        Assert.Equal(4313234, book.UpdateId);
        Assert.Null(book.Sequence);
        Assert.Equal(1706803989954, book.TimestampMs);
    }

    [Fact]
    public void Spot_snapshot_from_docs_with_numeric_ids_parses()
    {
        var envelope = FixtureEnvelope.Load("rest_orderbook_spot.docs.json");

        var book = MarketParsers.ParseOrderBook(envelope.Result);

        Assert.Equal("BTCUSDT", book.Symbol);
        Assert.Equal([new PriceLevel(65485.47m, 47.081829m)], book.Bids);
        Assert.Equal([new PriceLevel(65557.7m, 16.606555m)], book.Asks);
        Assert.Equal(230704, book.UpdateId);
        Assert.Equal(1432604333, book.Sequence);
        Assert.Equal(1716863719031, book.TimestampMs);
    }

    [Fact]
    public void Snapshot_loads_into_an_order_book()
    {
        var envelope = FixtureEnvelope.Load("rest_orderbook_linear.ccxt.json");
        var snapshot = MarketParsers.ParseOrderBook(envelope.Result);
        var book = new OrderBook(snapshot.Symbol, Arb.Domain.Market.MarketCategory.Linear, 50);

        var result = book.ApplySnapshot(
            snapshot.Bids.AsSpan(), snapshot.Asks.AsSpan(), snapshot.UpdateId, snapshot.Sequence ?? 0, snapshot.TimestampMs);

        Assert.Equal(BookUpdateResult.Applied, result);
        Assert.True(book.TryGetTop(out var bid, out var ask));
        Assert.Equal(42544.7m, bid.Price);
        Assert.Equal(42548m, ask.Price);
    }
}
