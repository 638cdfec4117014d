using System.Text.Json;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Simulator;

/// <summary>Bad parameters get retCode 10001 with HTTP 200 and an empty result, as on Bybit.</summary>
public sealed class ParamsErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/v5/market/instruments-info", "category")]
    [InlineData("/v5/market/instruments-info?category=option", "category")]
    [InlineData("/v5/market/instruments-info?category=linear&limit=1001", "limit")]
    [InlineData("/v5/market/tickers?category=inverse", "category")]
    [InlineData("/v5/market/tickers?category=SPOT", "category")]
    [InlineData("/v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=0", "limit")]
    [InlineData("/v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=201", "limit")]
    [InlineData("/v5/market/orderbook?category=spot&symbol=BTCUSDT&limit=ten", "limit")]
    [InlineData("/v5/market/orderbook?category=spot", "symbol")]
    [InlineData("/v5/market/orderbook?category=spot&symbol=NOPEUSDT", "symbol")]
    [InlineData("/v5/market/funding/history?category=linear&symbol=BTCUSDT&startTime=1735689600000", "startTime")]
    [InlineData("/v5/market/funding/history?category=linear&symbol=BTCUSDT&startTime=2&endTime=1", "startTime")]
    [InlineData("/v5/market/funding/history?category=linear&symbol=BTCUSDT&limit=0", "limit")]
    [InlineData("/v5/market/funding/history?category=spot&symbol=BTCUSDT", "linear")]
    [InlineData("/v5/market/funding/history?category=linear", "symbol")]
    public async Task Bad_parameters_answer_10001(string pathAndQuery, string mentioned)
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var json = await host.GetAsync(pathAndQuery, Ct);

        JsonShape.AssertExactShape(FixtureFiles.BybitText("rest_order_create_error_110007.ccxt.json"), json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(10001, root.GetProperty("retCode").GetInt32());
        var message = root.GetProperty("retMsg").GetString()!;
        Assert.StartsWith("params error: ", message, StringComparison.Ordinal);
        Assert.Contains(mentioned, message, StringComparison.Ordinal);
        Assert.Empty(root.GetProperty("result").EnumerateObject());
        Assert.Equal(SimRestHost.Start.ToUnixTimeMilliseconds(), root.GetProperty("time").GetInt64());
    }
}
