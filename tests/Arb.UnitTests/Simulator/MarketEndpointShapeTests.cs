using Arb.Simulator.Market;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Simulator;

/// <summary>Every market endpoint answers with the shape of Bybit's documented (or recorded) response.</summary>
public sealed class MarketEndpointShapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Market_time_has_the_docs_shape()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var json = await host.GetAsync("/v5/market/time", Ct);

        JsonShape.AssertExactShape(Fixture("rest_market_time.docs.json"), json);
    }

    [Fact]
    public async Task Linear_instruments_have_exactly_the_docs_keys()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var json = await host.GetAsync("/v5/market/instruments-info?category=linear", Ct);

        JsonShape.AssertExactShape(Fixture("rest_instruments_info_linear.docs.json"), json);
    }

    [Fact]
    public async Task Spot_instruments_have_exactly_the_docs_keys()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var json = await host.GetAsync("/v5/market/instruments-info?category=spot", Ct);

        JsonShape.AssertExactShape(Fixture("rest_instruments_info_spot.docs.json"), json);
    }

    [Fact]
    public async Task Spot_tickers_have_exactly_the_docs_keys()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var json = await host.GetAsync("/v5/market/tickers?category=spot", Ct);

        JsonShape.AssertExactShape(Fixture("rest_tickers_spot.docs.json"), json);
    }

    [Fact]
    public async Task Linear_tickers_have_the_newest_perpetual_field_set()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var json = await host.GetAsync("/v5/market/tickers?category=linear", Ct);

        // The docs' only perpetual ticker is an inverse one; every one of its keys applies to linear too.
        JsonShape.AssertExactShape(Fixture("rest_tickers_inverse.docs.json"), json);

        // The recorded linear row (ccxt keeps retCode and time as strings) is an older subset of it.
        JsonShape.AssertSameShape(Fixture("rest_tickers_linear.ccxt.json"), json);
    }

    [Fact]
    public async Task Order_books_have_the_docs_shape()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var spot = await host.GetAsync("/v5/market/orderbook?category=spot&symbol=BTCUSDT", Ct);
        var linear = await host.GetAsync("/v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=2", Ct);

        JsonShape.AssertExactShape(Fixture("rest_orderbook_spot.docs.json"), spot);
        JsonShape.AssertExactShape(Fixture("rest_orderbook_spot.docs.json"), linear);

        // ccxt recorded ts, u and seq as strings; the simulator sends numbers as Bybit does.
        JsonShape.AssertSameShape(Fixture("rest_orderbook_linear.ccxt.json"), linear);
    }

    [Fact]
    public async Task Funding_history_has_the_docs_shape_once_funding_settled()
    {
        await using var host = await SimRestHost.StartAsync(new SimMarketOptions { FundingInterval = TimeSpan.FromSeconds(1) }, Ct);
        host.Advance(TimeSpan.FromMilliseconds(500), steps: 5);

        var json = await host.GetAsync("/v5/market/funding/history?category=linear&symbol=ETHUSDT", Ct);

        JsonShape.AssertExactShape(Fixture("rest_funding_history.docs.json"), json);
    }

    private static string Fixture(string fileName) => FixtureFiles.BybitText(fileName);
}
