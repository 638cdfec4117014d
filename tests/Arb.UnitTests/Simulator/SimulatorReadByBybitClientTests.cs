using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.Simulator.Market;
using Arb.UnitTests.Rest;

namespace Arb.UnitTests.Simulator;

/// <summary>
/// The bot's own REST client reads what the simulator writes. The two sides are written independently from the
/// protocol reference, so a field of the wrong type or name fails here.
/// </summary>
public sealed class SimulatorReadByBybitClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_client_parses_every_market_endpoint()
    {
        await using var host = await SimRestHost.StartAsync(new SimMarketOptions { FundingInterval = TimeSpan.FromSeconds(1) }, Ct);
        host.Advance(TimeSpan.FromMilliseconds(500), steps: 6);
        using var http = host.Server.CreateClient();
        var client = FakeBybit.Client(host.Server, http, FakeBybit.LocalClockBehindServer(), withCredentials: false);
        var btc = host.Market.Find("BTCUSDT")!;

        var time = await client.Market.GetServerTimeAsync(Ct);
        var linear = await client.Market.GetInstrumentsAsync(MarketCategory.Linear, ct: Ct);
        var spot = await client.Market.GetInstrumentsAsync(MarketCategory.Spot, "ETHUSDT", Ct);
        var ticker = Assert.Single(await client.Market.GetTickersAsync(MarketCategory.Linear, "BTCUSDT", Ct));
        var book = await client.Market.GetOrderBookAsync(MarketCategory.Spot, "BTCUSDT", 5, Ct);
        var funding = await client.Market.GetFundingHistoryAsync("BTCUSDT", ct: Ct);

        Assert.Equal(host.Time.GetUtcNow(), time.Instant);
        Assert.Equal(["BTCUSDT", "ETHUSDT"], linear.Select(i => i.Symbol));
        Assert.Equal(0.10m, linear[0].TickSize);
        Assert.Equal(1, linear[0].FundingIntervalMinutes);
        Assert.Equal(0.00001m, Assert.Single(spot).QtyStep);
        Assert.Equal(btc.MarkPrice, ticker.MarkPrice);
        Assert.Equal(btc.NextFundingTimeMs, ticker.NextFundingTimeMs);
        Assert.Equal(1, ticker.FundingIntervalHours);
        Assert.Equal(5, book.Bids.Length);
        Assert.Equal(btc.Spot.BestAsk, book.Asks[0].Price);
        Assert.Equal(btc.FundingHistory.Count, funding.Count);
        Assert.Equal(btc.FundingHistory[^1].TimestampMs, funding[0].TimestampMs);
    }
}
