using System.Globalization;
using Arb.Bybit.Rest;
using Arb.Domain.Market;

namespace Arb.UnitTests.Rest;

public sealed class InstrumentParsingTests
{
    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Linear_perpetual_row_maps_lot_price_and_funding_rules()
    {
        var envelope = FixtureEnvelope.Load("rest_instruments_info_linear.docs.json");

        var page = InstrumentParser.ParsePage(envelope.Result, MarketCategory.Linear, out var cursor);

        var btc = Assert.Single(page);
        Assert.Null(cursor);
        Assert.Equal("BTCUSDT", btc.Symbol);
        Assert.Equal(MarketCategory.Linear, btc.Category);
        Assert.Equal("Trading", btc.Status);
        Assert.True(btc.IsTrading);
        Assert.Equal("BTC", btc.BaseCoin);
        Assert.Equal("USDT", btc.QuoteCoin);
        // Exact decimals with the exchange's scale.
        Assert.Equal("0.10", Text(btc.TickSize));
        Assert.Equal("0.001", Text(btc.QtyStep));
        Assert.Equal("0.001", Text(btc.MinOrderQty));
        Assert.Equal(5m, btc.MinNotional);
        Assert.Equal("500.000", Text(btc.MaxMarketOrderQty!.Value));
        Assert.Equal(480, btc.FundingIntervalMinutes);
    }

    [Fact]
    public void Prelisting_row_parses_and_carries_the_next_page_cursor()
    {
        var envelope = FixtureEnvelope.Load("rest_instruments_info_linear_prelisting.docs.json");

        var page = InstrumentParser.ParsePage(envelope.Result, MarketCategory.Linear, out var cursor);

        var bio = Assert.Single(page);
        Assert.Equal("first%3DBIOUSDT%26last%3DBIOUSDT", cursor);
        Assert.Equal("BIOUSDT", bio.Symbol);
        Assert.Equal("PreLaunch", bio.Status);
        Assert.False(bio.IsTrading);
        Assert.Equal("0.0001", Text(bio.TickSize));
        Assert.Equal(1m, bio.QtyStep);
        Assert.Equal(1m, bio.MinOrderQty);
        Assert.Equal(5m, bio.MinNotional);
        Assert.Equal(14000m, bio.MaxMarketOrderQty);
        Assert.Equal(480, bio.FundingIntervalMinutes);
    }

    [Fact]
    public void Spot_row_uses_base_precision_and_min_order_amount()
    {
        var envelope = FixtureEnvelope.Load("rest_instruments_info_spot.docs.json");

        var page = InstrumentParser.ParsePage(envelope.Result, MarketCategory.Spot, out var cursor);

        var btc = Assert.Single(page);
        Assert.Null(cursor);
        Assert.Equal("BTCUSDT", btc.Symbol);
        Assert.Equal(MarketCategory.Spot, btc.Category);
        Assert.True(btc.IsTrading);
        Assert.Equal("BTC", btc.BaseCoin);
        Assert.Equal("USDT", btc.QuoteCoin);
        Assert.Equal("0.1", Text(btc.TickSize));
        Assert.Equal("0.000001", Text(btc.QtyStep));
        Assert.Equal("0.000011", Text(btc.MinOrderQty));
        Assert.Equal(5m, btc.MinNotional);
        Assert.Equal(41.5m, btc.MaxMarketOrderQty);
        Assert.Null(btc.FundingIntervalMinutes);
    }
}
