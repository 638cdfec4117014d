using System.Net;
using System.Text.Json;
using Arb.Simulator.Market;
using Arb.Simulator.Rest;
using Arb.UnitTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Arb.UnitTests.Simulator;

/// <summary>
/// The simulator's market endpoints on a loopback Kestrel server, over a BTC and ETH market and a manual clock.
/// </summary>
internal sealed class SimRestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private SimRestHost(SimMarket market, FakeTimeProvider time, LoopbackHttpServer server)
    {
        Market = market;
        Time = time;
        Server = server;
        Http = server.CreateClient();
    }

    public SimMarket Market { get; }

    public FakeTimeProvider Time { get; }

    public LoopbackHttpServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<SimRestHost> StartAsync(SimMarketOptions? options = null, CancellationToken ct = default)
    {
        var time = new FakeTimeProvider(Start);
        var market = new SimMarket([SimInstrument.Btc, SimInstrument.Eth], options ?? new SimMarketOptions(), Start.ToUnixTimeMilliseconds());
        var server = await LoopbackHttpServer.StartAsync(app => MarketEndpoints.Map(app, market, time), ct);
        return new SimRestHost(market, time, server);
    }

    /// <summary>Moves the clock and the market forward together, <paramref name="steps"/> times.</summary>
    public void Advance(TimeSpan by, int steps = 1)
    {
        for (var i = 0; i < steps; i++)
        {
            Time.Advance(by);
            lock (Market.Gate)
            {
                Market.Step(Time.GetUtcNow().ToUnixTimeMilliseconds());
            }
        }
    }

    /// <summary>The response body of a GET; Bybit answers parameter errors with HTTP 200 too.</summary>
    public async Task<string> GetAsync(string pathAndQuery, CancellationToken ct)
    {
        using var response = await Http.GetAsync(new Uri(pathAndQuery, UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>The <c>result</c> of a successful response (retCode 0), cloned out of its document.</summary>
    public async Task<JsonElement> ResultAsync(string pathAndQuery, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await GetAsync(pathAndQuery, ct));
        Assert.Equal(0, document.RootElement.GetProperty("retCode").GetInt32());
        return document.RootElement.GetProperty("result").Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
