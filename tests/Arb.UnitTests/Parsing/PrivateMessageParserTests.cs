using System.Text;
using Arb.Bybit.Parsing;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Parsing;

public sealed class PrivateMessageParserTests
{
    private static PrivateMessage Fixture(string name) => PrivateMessageParser.Parse(FixtureFiles.BybitBytes(name));

    private static PrivateMessage Text(string json) => PrivateMessageParser.Parse(Encoding.UTF8.GetBytes(json));

    private static T Single<T>(PrivateMessage message)
    {
        Assert.Equal(PrivateMessageKind.Data, message.Kind);
        Assert.Equal(0, message.MalformedRows);
        return Assert.IsType<T>(Assert.Single(message.Events));
    }

    [Fact]
    public void Auth_success_and_failure_are_classified_with_the_exchange_message()
    {
        var ok = Fixture("ws_auth_response.docs.json");
        Assert.Equal(PrivateMessageKind.AuthResponse, ok.Kind);
        Assert.True(ok.Success);

        var refused = Fixture("ws_auth_failure.issue.json");
        Assert.Equal(PrivateMessageKind.AuthResponse, refused.Kind);
        Assert.False(refused.Success);
        Assert.Equal("Params Error", refused.Message);
    }

    [Fact]
    public void Subscribe_ack_and_both_pong_shapes_are_classified()
    {
        var ack = Fixture("ws_subscribe_response_private.docs.json");
        Assert.Equal(PrivateMessageKind.SubscribeResponse, ack.Kind);
        Assert.True(ack.Success);
        Assert.Equal(PrivateMessageKind.Pong, Fixture("ws_pong_private.docs.json").Kind);
        Assert.Equal(PrivateMessageKind.Pong, Fixture("ws_pong_oppong.gocryptotrader.json").Kind);
        Assert.Equal(PrivateMessageKind.Pong, Text("""{"success":true,"ret_msg":"pong","conn_id":"c","op":"ping"}""").Kind);
    }

    [Fact]
    public void Linear_filled_order_recorded()
    {
        var o = Single<OrderUpdate>(Fixture("ws_order_linear_filled.gocryptotrader.json"));

        Assert.Equal(
            new OrderUpdate(MarketCategory.Linear, "BTCUSDT", "c1956690-b731-4191-97c0-94b00422231b", "", TradeSide.Sell, "Market",
                OrderStatus.Filled, 1.7m, 4.033m, 4.24m, 1.7m, 7.2086m, 0.00288344m, 0m, "EC_NoError", 1733778525917),
            o);
        Assert.True(o.Status.IsClosed());
    }

    [Fact]
    public void Documented_order_of_an_option_is_ignored_and_the_same_row_as_linear_parses()
    {
        var option = Fixture("ws_order.docs.json");
        Assert.Equal(PrivateMessageKind.Data, option.Kind);
        Assert.Empty(option.Events);
        Assert.Equal(1, option.IgnoredRows);

        var json = FixtureFiles.BybitText("ws_order.docs.json").Replace("\"option\"", "\"linear\"", StringComparison.Ordinal);
        var o = Single<OrderUpdate>(Text(json));
        Assert.Equal(
            new OrderUpdate(MarketCategory.Linear, "ETH-30DEC22-1400-C", "5cf98598-39a7-459e-97bf-76ca765ee020", "", TradeSide.Sell, "Market",
                OrderStatus.Filled, 1m, 72.5m, 75m, 1m, 75m, 0.358635m, 0m, "EC_NoError", 1672364262457),
            o);
    }

    [Fact]
    public void Trade_execution_becomes_a_fill_with_the_pushed_fee_coin()
    {
        var message = Fixture("ws_execution.docs.json");
        Assert.Equal("execution", message.Topic);
        var fill = Single<Fill>(message);

        Assert.Equal(
            new Fill("BTCUSDT", MarketCategory.Linear, TradeSide.Sell, 0.5m, 95900.1m, 26.3725275m, "USDT", "",
                "0ab1bdf7-4219-438b-b30a-32ec863018f7", 1746270400353),
            fill);
        Assert.Equal("26.3725275", fill.Fee.ToString(System.Globalization.CultureInfo.InvariantCulture)); // scale kept
    }

    [Theory]
    [InlineData("spot", "Buy", "BTC")]
    [InlineData("spot", "Sell", "USDT")]
    [InlineData("linear", "Buy", "USDT")]
    public void Without_feeCurrency_the_fee_coin_follows_category_and_side(string category, string side, string coin)
    {
        var json = $$"""{"topic":"execution.{{category}}","creationTime":1,"data":[{"category":"{{category}}","symbol":"BTCUSDT","execFee":"0.1","execId":"e1","execPrice":"100","execQty":"2","execType":"Trade","side":"{{side}}","execTime":1700000000000,"orderLinkId":"x","feeCurrency":""}]}""";

        var fill = Single<Fill>(Text(json));

        Assert.Equal(coin, fill.FeeCoin);
        Assert.Equal(2m, fill.Quantity);
        Assert.Equal(1700000000000, fill.TimestampMs); // numbers accepted as well as strings
    }

    [Fact]
    public void Funding_execution_becomes_a_payment_received_with_the_opposite_sign()
    {
        const string Paid = """{"topic":"execution","creationTime":1,"data":[{"category":"linear","symbol":"BTCUSDT","execFee":"0.0075","execId":"f1","execPrice":"75000","execQty":"0.01","execType":"Funding","execValue":"750","feeRate":"0.00001","side":"Buy","orderType":"UNKNOWN","execTime":"1746000000000"}]}""";
        Assert.Equal(new FundingPayment("BTCUSDT", -0.0075m, 0.00001m, 750m, "f1", 1746000000000), Single<FundingPayment>(Text(Paid)));

        var received = Single<FundingPayment>(Text(Paid.Replace("\"0.0075\"", "\"-0.00708126\"", StringComparison.Ordinal)));
        Assert.Equal(0.00708126m, received.Amount);
    }

    [Fact]
    public void Fast_execution_is_a_notice_without_fee()
    {
        var fast = Single<FastExecution>(Fixture("ws_execution_fast.docs.json"));

        Assert.Equal(
            new FastExecution(MarketCategory.Linear, "ICPUSDT", TradeSide.Sell, 3000m, 12.015m, "443d63fa-b4c3-4297-b7b1-23bca88b04dc",
                "test-00001", "3510f361-0add-5c7b-a2e7-9679810944fc", false, 1716800399334),
            fast);
    }

    [Fact]
    public void Flat_position_documented()
    {
        var p = Single<PositionUpdate>(Fixture("ws_position.docs.json"));

        Assert.Equal(new PositionUpdate("BTCUSDT", 0m, 0m, 28184.5m, 0m, -25.06579337m, 10m, 1697682317038), p);
    }

    [Fact]
    public void Short_position_has_negative_size()
    {
        var json = FixtureFiles.BybitText("ws_position.docs.json")
            .Replace("\"side\": \"\"", "\"side\": \"Sell\"", StringComparison.Ordinal)
            .Replace("\"size\": \"0\"", "\"size\": \"0.25\"", StringComparison.Ordinal);

        Assert.Equal(-0.25m, Single<PositionUpdate>(Text(json)).Size);
    }

    [Fact]
    public void Wallet_coins_documented()
    {
        var w = Single<WalletUpdate>(Fixture("ws_wallet.docs.json"));

        Assert.Equal(1700034722104, w.TimestampMs);
        Assert.Equal(new CoinBalance("BTC", 0.00102964m, 0m, 0.00102964m), Assert.Single(w.Coins));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"success":true}""")]
    [InlineData("""{"op":"auth","ret_msg":""}""")]
    [InlineData("""{"topic":"order","creationTime":1}""")]
    [InlineData("""{"topic":"order","data":{"a":1}}""")]
    public void Broken_frames_are_malformed_not_exceptions(string json) =>
        Assert.Equal(PrivateMessageKind.Malformed, Text(json).Kind);

    [Fact]
    public void A_broken_row_is_counted_and_its_neighbours_kept()
    {
        const string Json = """{"topic":"wallet","creationTime":5,"data":[{"coin":[{"coin":"USDT","walletBalance":"x"}]},{"coin":[{"coin":"USDT","walletBalance":"10","locked":"","equity":"10.5"}]}]}""";

        var message = Text(Json);

        Assert.Equal(1, message.MalformedRows);
        Assert.Equal(new CoinBalance("USDT", 10m, 0m, 10.5m), Assert.Single(Assert.IsType<WalletUpdate>(Assert.Single(message.Events)).Coins));
    }

    [Fact]
    public void Other_topics_and_ops_are_not_errors()
    {
        Assert.Equal(PrivateMessageKind.Other, Text("""{"topic":"greeks","data":[]}""").Kind);
        Assert.Equal(PrivateMessageKind.Other, Text("""{"op":"welcome"}""").Kind);
    }
}
