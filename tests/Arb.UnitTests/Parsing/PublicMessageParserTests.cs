using System.Text;
using Arb.Bybit.Parsing;
using Arb.Domain.Books;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Parsing;

public sealed class PublicMessageParserTests
{
    private readonly PublicMessage _message = new();

    private PublicMessageKind ParseFixture(string name) =>
        PublicMessageParser.Parse(FixtureFiles.BybitBytes(name), _message);

    private PublicMessageKind ParseText(string json) => PublicMessageParser.Parse(Encoding.UTF8.GetBytes(json), _message);

    private string Symbol => Encoding.UTF8.GetString(_message.Symbol);

    [Fact]
    public void Linear_book_snapshot_recorded()
    {
        Assert.Equal(PublicMessageKind.OrderBook, ParseFixture("ws_orderbook_linear_snapshot.thirdparty.json"));

        Assert.True(_message.IsSnapshot);
        Assert.Equal("BTCUSDT", Symbol);
        Assert.Equal(1773386409389, _message.TimestampMs);
        Assert.Equal(10132540, _message.UpdateId);
        Assert.Equal(50, _message.Bids.Count);
        Assert.Equal(50, _message.Asks.Count);
        Assert.Equal(new PriceLevel(71423.80m, 0.557m), _message.Bids.Span[0]);
        Assert.Equal(new PriceLevel(71413.50m, 0.070m), _message.Bids.Span[49]);
        Assert.Equal(new PriceLevel(71423.90m, 4.669m), _message.Asks.Span[0]);
        Assert.Equal("71423.80", _message.Bids.Span[0].Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Linear_book_delta_recorded()
    {
        Assert.Equal(PublicMessageKind.OrderBook, ParseFixture("ws_orderbook_linear_delta.thirdparty.json"));

        Assert.False(_message.IsSnapshot);
        Assert.Equal("BTCUSDT", Symbol);
        Assert.Equal(1773386409407, _message.TimestampMs);
        Assert.Equal(1773386409404, _message.EngineTimestampMs);
        Assert.Equal(10132541, _message.UpdateId);
        Assert.Equal(546137962186, _message.Sequence);
        Assert.Equal(11, _message.Bids.Count);
        Assert.Equal(4, _message.Asks.Count);
        Assert.Equal(new PriceLevel(71419.80m, 0m), _message.Bids.Span[0]);
        Assert.Equal(new PriceLevel(71413.20m, 0.603m), _message.Bids.Span[10]);
        Assert.Equal(new PriceLevel(71435.40m, 0.001m), _message.Asks.Span[3]);
    }

    [Fact]
    public void Linear_book_delta_from_the_docs_with_type_before_ts()
    {
        Assert.Equal(PublicMessageKind.OrderBook, ParseFixture("ws_orderbook_linear_delta.docs.json"));

        Assert.False(_message.IsSnapshot);
        Assert.Equal(1687940967466, _message.TimestampMs);
        Assert.Equal(1687940967464, _message.EngineTimestampMs);
        Assert.Equal(177400507, _message.UpdateId);
        Assert.Equal(66544703342, _message.Sequence);
        Assert.Equal(5, _message.Bids.Count);
        Assert.Equal(7, _message.Asks.Count);
        Assert.Equal(new PriceLevel(30247.20m, 30.028m), _message.Bids.Span[0]);
        Assert.Equal(new PriceLevel(30240.00m, 0m), _message.Bids.Span[4]);
        Assert.Equal(new PriceLevel(30252.50m, 4.591m), _message.Asks.Span[6]);
    }

    [Fact]
    public void Spot_book_snapshot_recorded_with_ts_before_type()
    {
        Assert.Equal(PublicMessageKind.OrderBook, ParseFixture("ws_orderbook_spot_snapshot.gocryptotrader.json"));

        Assert.True(_message.IsSnapshot);
        Assert.Equal("BTCUSDT", Symbol);
        Assert.Equal(1731035685326, _message.TimestampMs);
        Assert.Equal(2876700, _message.UpdateId);
        Assert.Equal(new PriceLevel(75848.74m, 0.067669m), _message.Bids.Span[0]);
        Assert.Equal(new PriceLevel(75848.75m, 0.747137m), _message.Asks.Span[0]);
        Assert.Equal("75845.4", _message.Bids.Span[9].Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Spot_book_delta_recorded()
    {
        Assert.Equal(PublicMessageKind.OrderBook, ParseFixture("ws_orderbook_spot_delta.gocryptotrader.json"));

        Assert.False(_message.IsSnapshot);
        Assert.Equal(2876701, _message.UpdateId);
        Assert.Equal(47474967823, _message.Sequence);
        Assert.Equal([new PriceLevel(75848.62m, 0.014895m), new PriceLevel(75837.13m, 0m)], _message.Bids.Span.ToArray());
        Assert.Equal(5, _message.Asks.Count);
        Assert.Equal(new PriceLevel(75852.65m, 0m), _message.Asks.Span[2]);
    }

    [Fact]
    public void Linear_ticker_snapshot_from_the_docs()
    {
        Assert.Equal(PublicMessageKind.Ticker, ParseFixture("ws_tickers_linear_snapshot.docs.json"));

        var t = _message.Ticker;
        Assert.True(_message.IsSnapshot);
        Assert.Equal("BTCUSDT", Symbol);
        Assert.Equal(1760325052630, _message.TimestampMs);
        Assert.Equal(66666.60m, t.LastPrice);
        Assert.Equal(66666.60m, t.MarkPrice);
        Assert.Equal(115418.19m, t.IndexPrice);
        Assert.Equal(-0.005m, t.FundingRate);
        Assert.Equal(1760342400000, t.NextFundingTimeMs);
        Assert.Equal(8, t.FundingIntervalHours);
        Assert.Equal(66666.60m, t.Bid1Price);
        Assert.Equal(23789.165m, t.Bid1Size);
        Assert.Equal(66666.70m, t.Ask1Price);
        Assert.Equal(23775.469m, t.Ask1Size);
    }

    [Fact]
    public void Linear_ticker_snapshot_recorded()
    {
        Assert.Equal(PublicMessageKind.Ticker, ParseFixture("ws_tickers_linear_snapshot.gocryptotrader.json"));

        var t = _message.Ticker;
        Assert.Equal(61875.25m, t.MarkPrice);
        Assert.Equal(61903.73m, t.IndexPrice);
        Assert.Equal(0.00008055m, t.FundingRate);
        Assert.Equal(1715760000000, t.NextFundingTimeMs);
        Assert.Null(t.FundingIntervalHours); // this 2024 capture predates the field
        Assert.Equal(1715748762463, _message.TimestampMs);
    }

    [Fact]
    public void Linear_ticker_delta_carries_only_changed_fields()
    {
        Assert.Equal(PublicMessageKind.Ticker, ParseFixture("ws_tickers_linear_delta.gocryptotrader.json"));

        var t = _message.Ticker;
        Assert.False(_message.IsSnapshot);
        Assert.Equal(61875.06m, t.MarkPrice);
        Assert.Equal(61903.59m, t.IndexPrice);
        Assert.Equal(61873.90m, t.Bid1Price);
        Assert.Equal(3.543m, t.Bid1Size);
        Assert.Null(t.FundingRate);
        Assert.Null(t.NextFundingTimeMs);
        Assert.Null(t.Ask1Price);
        Assert.Null(t.LastPrice);
    }

    [Fact]
    public void Spot_ticker_snapshot_has_no_funding()
    {
        Assert.Equal(PublicMessageKind.Ticker, ParseFixture("ws_tickers_spot_snapshot.docs.json"));

        Assert.Equal(21109.77m, _message.Ticker.LastPrice);
        Assert.Null(_message.Ticker.FundingRate);
        Assert.Null(_message.Ticker.Bid1Price);
        Assert.Equal(1673853746003, _message.TimestampMs);
    }

    [Fact]
    public void Public_trades_are_another_topic()
    {
        Assert.Equal(PublicMessageKind.OtherTopic, ParseFixture("ws_public_trade.docs.json"));
    }

    [Theory]
    [InlineData("ws_pong_public_spot.docs.json")]
    [InlineData("ws_pong_public_linear.docs.json")]
    [InlineData("ws_pong_private.docs.json")]
    [InlineData("ws_pong_oppong.gocryptotrader.json")]
    public void Every_pong_shape_is_a_pong(string fixture)
    {
        Assert.Equal(PublicMessageKind.Pong, ParseFixture(fixture));
    }

    [Theory]
    [InlineData("ws_subscribe_response_public_spot.docs.json")]
    [InlineData("ws_subscribe_response_public_linear.docs.json")]
    [InlineData("ws_subscribe_response_public_linear.thirdparty.json")]
    [InlineData("ws_subscribe_response_private.docs.json")]
    public void Subscribe_answers_are_acks(string fixture)
    {
        Assert.Equal(PublicMessageKind.CommandAck, ParseFixture(fixture));
        Assert.Null(_message.Error);
    }

    [Fact]
    public void A_refused_subscribe_keeps_the_exchange_message()
    {
        var kind = ParseText("""{"success":false,"ret_msg":"error:handler not found,topic:dcp.future","conn_id":"x","req_id":"1","op":"subscribe"}""");

        Assert.Equal(PublicMessageKind.CommandFailed, kind);
        Assert.Equal("error:handler not found,topic:dcp.future", _message.Error);
    }

    [Fact]
    public void Fields_are_matched_by_key_in_any_order_and_numbers_may_be_strings()
    {
        var kind = ParseText("""{"data":{"seq":"7","u":"42","a":[["2.50","1"]],"b":[["2.40","3.0"]],"s":"XRPUSDT"},"cts":"5","ts":"1700000000000","type":"delta","topic":"orderbook.50.XRPUSDT"}""");

        Assert.Equal(PublicMessageKind.OrderBook, kind);
        Assert.False(_message.IsSnapshot);
        Assert.Equal("XRPUSDT", Symbol);
        Assert.Equal(42, _message.UpdateId);
        Assert.Equal(7, _message.Sequence);
        Assert.Equal(1700000000000, _message.TimestampMs);
        Assert.Equal(new PriceLevel(2.40m, 3.0m), _message.Bids.Span[0]);
        Assert.Equal(new PriceLevel(2.50m, 1m), _message.Asks.Span[0]);
    }

    [Theory]
    [InlineData("", "empty frame")]
    [InlineData("not json", "text")]
    [InlineData("[1,2]", "an array")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"b":[["1","2"]],"a":[]""", "truncated")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"b":[["1","2"]],"a":[]}}""", "no u")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","ts":1,"data":{"b":[],"a":[],"u":5}}""", "no type")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","type":"partial","ts":1,"data":{"b":[],"a":[],"u":5}}""", "unknown type")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"b":[["x","2"]],"a":[],"u":5}}""", "bad price")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"b":[["1",""]],"a":[],"u":5}}""", "empty size")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"b":[["1","-2"]],"a":[],"u":5}}""", "negative size")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"b":{"1":"2"},"a":[],"u":5}}""", "levels not an array")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":"soon","data":{"b":[],"a":[],"u":5}}""", "bad ts")]
    [InlineData("""{"topic":"orderbook.50.","type":"delta","ts":1,"data":{"b":[],"a":[],"u":5}}""", "topic without symbol")]
    [InlineData("""{"topic":"tickers.BTCUSDT","type":"snapshot","ts":1}""", "ticker without data")]
    [InlineData("""{"conn_id":"abc"}""", "neither data nor answer")]
    public void Malformed_frames_are_reported_not_thrown(string json, string because)
    {
        Assert.True(PublicMessageKind.Malformed == ParseText(json), because);
        Assert.False(string.IsNullOrEmpty(_message.Error));
    }

    [Fact]
    public void A_reused_message_does_not_leak_levels_from_the_previous_frame()
    {
        ParseFixture("ws_orderbook_linear_snapshot.thirdparty.json");
        ParseFixture("ws_orderbook_spot_delta.gocryptotrader.json");

        Assert.Equal(2, _message.Bids.Count);
        Assert.Equal(5, _message.Asks.Count);
    }
}
