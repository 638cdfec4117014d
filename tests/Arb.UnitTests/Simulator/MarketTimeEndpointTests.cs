using System.Globalization;
using System.Text.Json;

namespace Arb.UnitTests.Simulator;

public sealed class MarketTimeEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_time_follows_the_time_provider()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);
        host.Time.Advance(TimeSpan.FromTicks(12_345_678));
        var now = host.Time.GetUtcNow();

        using var document = JsonDocument.Parse(await host.GetAsync("/v5/market/time", Ct));

        var root = document.RootElement;
        var result = root.GetProperty("result");
        Assert.Equal(now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), result.GetProperty("timeSecond").GetString());
        Assert.Equal("1735689601234567800", result.GetProperty("timeNano").GetString());
        Assert.Equal(now.ToUnixTimeMilliseconds(), root.GetProperty("time").GetInt64());
        Assert.Equal("OK", root.GetProperty("retMsg").GetString());
    }
}
