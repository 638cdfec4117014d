using System.Text.Json;
using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.UnitTests.Rest;

public sealed class ExecutionParsingTests
{
    private static (List<Fill> Fills, List<FundingPayment> Funding, List<string> Other, string? Next) Parse(string fixture, MarketCategory category)
    {
        var fills = new List<Fill>();
        var funding = new List<FundingPayment>();
        var other = new List<string>();
        TradingParsers.ParseExecutions(FixtureEnvelope.Load(fixture).Result, category, fills, funding, other, out var next);
        return (fills, funding, other, next);
    }

    [Fact]
    public void Docs_linear_fill_on_a_usdc_perp_derives_usdc_as_the_fee_coin()
    {
        var (fills, funding, other, next) = Parse("rest_execution_list.docs.json", MarketCategory.Linear);

        Assert.Equal(
            new Fill("ETHPERP", MarketCategory.Linear, TradeSide.Buy, 0.1m, 1190.15m, 0.071409m, "USDC", "", "e0cbe81d-0f18-5866-9415-cf319b5dab3b", 1672282722429),
            Assert.Single(fills));
        Assert.Empty(funding);
        Assert.Empty(other);
        Assert.Equal("132766%3A2%2C132766%3A2", next);
    }

    [Fact]
    public void Ccxt_linear_fill_with_empty_fee_currency_is_charged_in_usdt()
    {
        var (fills, _, _, next) = Parse("rest_execution_list_linear.ccxt.json", MarketCategory.Linear);

        Assert.Equal(
            new Fill("LTCUSDT", MarketCategory.Linear, TradeSide.Buy, 0.1m, 85.11m, 0.00468105m, "USDT", "", "751c8dba-bdeb-5d0c-9dd3-dda6bf98cdaf", 1710762918390),
            Assert.Single(fills));
        Assert.Equal("5771350%3A2%2C5771350%3A2", next);
    }

    [Fact]
    public void Ccxt_spot_buy_fill_keeps_the_fee_currency_bybit_gives()
    {
        var (fills, _, _, _) = Parse("rest_execution_list_spot.ccxt.json", MarketCategory.Spot);

        Assert.Equal(
            new Fill("ETHUSDT", MarketCategory.Spot, TradeSide.Buy, 0.001m, 2453.65m, 0.000001m, "ETH", "1644387819067894017", "2110000000034095620", 1710762303659),
            Assert.Single(fills));
    }

    [Fact]
    public void A_paid_funding_row_is_a_negative_payment_and_not_a_fill()
    {
        var (fills, funding, other, _) = Parse("rest_execution_list_funding.ccxt.json", MarketCategory.Linear);

        Assert.Empty(fills);
        Assert.Empty(other);
        Assert.Equal(new FundingPayment("LTCUSDT", -0.00867m, 0.0001m, 86.7m, "6dff7827-9774-4881-b275-d2b9eec1ce9b", 1699948800000), Assert.Single(funding));
    }

    [Fact]
    public void Received_funding_is_positive_other_exec_types_are_reported_and_numbers_parse_like_strings()
    {
        using var document = JsonDocument.Parse("""
            {"nextPageCursor":"","list":[
              {"symbol":"BTCUSDT","side":"Sell","execType":"Funding","execFee":-0.5,"feeRate":0.0001,"execTime":1700000000000,"execId":"f-1"},
              {"symbol":"BTCUSDT","side":"Sell","execType":"AdlTrade","execFee":"0","execQty":"1","execPrice":"1","execTime":"1","execId":"a-1"},
              {"symbol":"BTCUSDT","side":"Sell","execType":"Trade","execFee":0.0275,"execQty":0.001,"execPrice":50000,"execTime":1700000000001,"execId":"t-1","orderLinkId":"leg-1"}]}
            """);
        var fills = new List<Fill>();
        var funding = new List<FundingPayment>();
        var other = new List<string>();

        TradingParsers.ParseExecutions(document.RootElement, MarketCategory.Spot, fills, funding, other, out var next);

        Assert.Null(next);
        Assert.Equal(new FundingPayment("BTCUSDT", 0.5m, 0.0001m, 0m, "f-1", 1700000000000), Assert.Single(funding));
        Assert.Equal(["AdlTrade"], other);
        Assert.Equal(new Fill("BTCUSDT", MarketCategory.Spot, TradeSide.Sell, 0.001m, 50000m, 0.0275m, "USDT", "leg-1", "t-1", 1700000000001), Assert.Single(fills));
    }
}
