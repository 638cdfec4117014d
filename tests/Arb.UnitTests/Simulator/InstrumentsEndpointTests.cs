using System.Text.Json;
using Arb.Simulator.Market;

namespace Arb.UnitTests.Simulator;

public sealed class InstrumentsEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Linear_BTCUSDT_lists_the_real_tick_lot_and_notional_sizes()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var result = await host.ResultAsync("/v5/market/instruments-info?category=linear&symbol=BTCUSDT", Ct);

        Assert.Equal("linear", result.GetProperty("category").GetString());
        Assert.Equal(string.Empty, result.GetProperty("nextPageCursor").GetString());
        var row = Assert.Single(result.GetProperty("list").EnumerateArray());
        Assert.Equal("BTCUSDT", row.GetProperty("symbol").GetString());
        Assert.Equal("LinearPerpetual", row.GetProperty("contractType").GetString());
        Assert.Equal("Trading", row.GetProperty("status").GetString());
        Assert.Equal("2", row.GetProperty("priceScale").GetString());
        var price = row.GetProperty("priceFilter");
        Assert.Equal("0.10", price.GetProperty("tickSize").GetString());
        Assert.Equal("0.10", price.GetProperty("minPrice").GetString());
        Assert.Equal("1999999.80", price.GetProperty("maxPrice").GetString());
        var lot = row.GetProperty("lotSizeFilter");
        Assert.Equal("0.001", lot.GetProperty("qtyStep").GetString());
        Assert.Equal("0.001", lot.GetProperty("minOrderQty").GetString());
        Assert.Equal("5", lot.GetProperty("minNotionalValue").GetString());
        Assert.Equal("500.000", lot.GetProperty("maxMktOrderQty").GetString());
        Assert.Equal(480, row.GetProperty("fundingInterval").GetInt32());
        Assert.Equal("0.00375", row.GetProperty("upperFundingRate").GetString());
        Assert.Equal("-0.00375", row.GetProperty("lowerFundingRate").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("preListingInfo").ValueKind);
        Assert.Equal(JsonValueKind.False, row.GetProperty("isPreListing").ValueKind);
    }

    [Fact]
    public async Task Spot_ETHUSDT_lists_base_precision_tick_and_minimum_amount()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var result = await host.ResultAsync("/v5/market/instruments-info?category=spot&symbol=ETHUSDT", Ct);

        Assert.False(result.TryGetProperty("nextPageCursor", out _));
        var row = Assert.Single(result.GetProperty("list").EnumerateArray());
        Assert.Equal("ETH", row.GetProperty("baseCoin").GetString());
        Assert.Equal("0.01", row.GetProperty("priceFilter").GetProperty("tickSize").GetString());
        var lot = row.GetProperty("lotSizeFilter");
        Assert.Equal("0.00001", lot.GetProperty("basePrecision").GetString());
        Assert.Equal("5", lot.GetProperty("minOrderAmt").GetString());
        Assert.Equal("1000", lot.GetProperty("maxMarketOrderQty").GetString());
        Assert.Equal("2000", lot.GetProperty("maxLimitOrderQty").GetString());
    }

    [Fact]
    public async Task Every_listed_symbol_appears_with_a_stable_symbol_id()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var all = await host.ResultAsync("/v5/market/instruments-info?category=linear", Ct);
        var eth = await host.ResultAsync("/v5/market/instruments-info?category=linear&symbol=ETHUSDT", Ct);

        Assert.Equal(["BTCUSDT", "ETHUSDT"], all.GetProperty("list").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()));
        var ethId = Assert.Single(eth.GetProperty("list").EnumerateArray()).GetProperty("symbolId").GetInt32();
        Assert.Equal(all.GetProperty("list")[1].GetProperty("symbolId").GetInt32(), ethId);
    }

    [Fact]
    public async Task An_unknown_symbol_gives_an_empty_list()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var result = await host.ResultAsync("/v5/market/instruments-info?category=linear&symbol=DOGEUSDT", Ct);

        Assert.Equal(0, result.GetProperty("list").GetArrayLength());
    }

    [Fact]
    public async Task A_sub_minute_funding_interval_is_listed_as_one_whole_minute()
    {
        await using var host = await SimRestHost.StartAsync(new SimMarketOptions { FundingInterval = TimeSpan.FromSeconds(1) }, Ct);

        var result = await host.ResultAsync("/v5/market/instruments-info?category=linear&symbol=BTCUSDT", Ct);

        Assert.Equal(1, result.GetProperty("list")[0].GetProperty("fundingInterval").GetInt32());
    }
}
