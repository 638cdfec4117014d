using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.Simulator;
using Arb.Simulator.Auth;

namespace Arb.IntegrationTests.Simulator;

/// <summary>
/// The bot's own REST client against the simulator's signed endpoint and REST faults: each fault must look to the
/// client as it would from Bybit, and the client must recover where Bybit lets it.
/// </summary>
public sealed class SimulatorRestFaultTests : IAsyncLifetime
{
    private SimulatorServer _sim = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _sim = await SimulatorServer.StartAsync(new SimulatorOptions(), ct: TestContext.Current.CancellationToken);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private BybitRestClient Client(string key = "arbbot-sim-key", string secret = "arbbot-sim-secret", HttpClient? http = null) =>
        new(http ?? _http, new BybitRestOptions(_sim.RestUri)
        {
            Credentials = new ApiCredentials(key, secret),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RetryMaxDelay = TimeSpan.FromMilliseconds(500),
        }, TimeProvider.System);

    private async Task PostAsync(string path)
    {
        using var response = await _http.PostAsync(new Uri(_sim.RestUri, path), null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Signed_fee_rate_with_the_sandbox_credentials_returns_bybits_default_rates_and_limit_headers()
    {
        var client = Client();

        var spot = await client.Account.GetFeeRatesAsync(MarketCategory.Spot, ct: TestContext.Current.CancellationToken);
        var linear = await client.Account.GetFeeRatesAsync(MarketCategory.Linear, "BTCUSDT", TestContext.Current.CancellationToken);

        Assert.Equal(["BTCUSDT", "ETHUSDT"], spot.Select(f => f.Symbol));
        Assert.All(spot, f => Assert.Equal((0.001m, 0.001m), (f.TakerFeeRate, f.MakerFeeRate)));
        var btc = Assert.Single(linear);
        Assert.Equal((0.00055m, 0.0002m), (btc.TakerFeeRate, btc.MakerFeeRate));
        Assert.True(client.RateLimits.TryGet("/v5/account/fee-rate", out var limits));
        Assert.Equal(5, limits.Limit);
        Assert.Equal(3, limits.Remaining);
    }

    [Fact]
    public async Task A_wrong_secret_is_a_signature_error_whose_message_does_not_leak_the_key()
    {
        var client = Client(secret: "not-the-secret");

        var error = await Assert.ThrowsAsync<BybitApiException>(() => client.Account.GetFeeRatesAsync(MarketCategory.Spot, ct: TestContext.Current.CancellationToken));

        Assert.Equal(10004, error.RetCode);
        Assert.Contains("error sign!", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("arbbot-sim-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_is_refused_and_an_added_account_key_is_accepted()
    {
        var unknown = await Assert.ThrowsAsync<BybitApiException>(() => Client(key: "who-is-this").Account.GetFeeRatesAsync(MarketCategory.Spot, ct: TestContext.Current.CancellationToken));
        Assert.Equal(10003, unknown.RetCode);

        _sim.Credentials.Add(new SimCredentials("second-key", "second-secret"));
        var rates = await Client("second-key", "second-secret").Account.GetFeeRatesAsync(MarketCategory.Linear, ct: TestContext.Current.CancellationToken);
        Assert.Equal(2, rates.Count);
    }

    [Fact]
    public async Task An_exchange_clock_behind_the_bot_is_a_10002_the_client_fixes_by_resyncing()
    {
        var client = Client();
        await client.Clock.SyncAsync(TestContext.Current.CancellationToken);
        await PostAsync("/sim/clock-skew?ms=-4000");

        var rates = await client.Account.GetFeeRatesAsync(MarketCategory.Spot, ct: TestContext.Current.CancellationToken);

        Assert.Equal(2, rates.Count);
        Assert.InRange(client.Clock.Offset.TotalMilliseconds, -5000, -3000);
    }

    [Fact]
    public async Task Rate_limit_answers_and_server_errors_are_retried_until_the_exchange_answers()
    {
        var client = Client();
        await PostAsync("/sim/rate-limit?count=2");
        var afterRateLimits = await client.Market.GetTickersAsync(MarketCategory.Linear, "BTCUSDT", TestContext.Current.CancellationToken);

        await PostAsync("/sim/rest-errors?count=2");
        var afterErrors = await client.Market.GetTickersAsync(MarketCategory.Spot, "ETHUSDT", TestContext.Current.CancellationToken);

        Assert.Equal("BTCUSDT", Assert.Single(afterRateLimits).Symbol);
        Assert.Equal("ETHUSDT", Assert.Single(afterErrors).Symbol);
    }

    [Fact]
    public async Task Too_many_server_errors_surface_as_an_http_error_naming_the_endpoint()
    {
        var client = Client();
        await PostAsync("/sim/rest-errors?count=10");

        var error = await Assert.ThrowsAsync<BybitHttpException>(() => client.Market.GetTickersAsync(MarketCategory.Spot, ct: TestContext.Current.CancellationToken));

        Assert.Equal(503, (int)error.StatusCode);
        Assert.Contains("/v5/market/tickers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Added_latency_beyond_the_client_timeout_is_a_transport_failure()
    {
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(150) };
        var client = new BybitRestClient(impatient, new BybitRestOptions(_sim.RestUri) { MaxRetries = 0 }, TimeProvider.System);
        await PostAsync("/sim/rest-latency?ms=1000");

        await Assert.ThrowsAsync<BybitTransportException>(() => client.Market.GetServerTimeAsync(TestContext.Current.CancellationToken));

        await PostAsync("/sim/rest-latency?ms=0");
        Assert.True((await client.Market.GetServerTimeAsync(TestContext.Current.CancellationToken)).TimeSecond > 0);
    }
}
