using System.Collections.Concurrent;
using System.Globalization;
using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.UnitTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Arb.UnitTests.Rest;

/// <summary>Rate-limit and retryable retCodes, with a clock that records waits instead of sleeping.</summary>
public sealed class RestClientRateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void SetLimitHeaders(HttpResponse response, int remaining, long resetMs)
    {
        response.Headers["X-Bapi-Limit"] = "5";
        response.Headers["X-Bapi-Limit-Status"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Bapi-Limit-Reset-Timestamp"] = resetMs.ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Rate_limited_call_waits_until_the_reset_then_succeeds()
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () => FakeBybit.Time(FakeBybit.ServerNow));
            app.MapGet("/v5/account/fee-rate", (HttpContext ctx) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    SetLimitHeaders(ctx.Response, remaining: 0, FakeBybit.ServerNowMs + 700);
                    return FakeBybit.Error(10006, "Too many visits!");
                }

                SetLimitHeaders(ctx.Response, remaining: 4, FakeBybit.ServerNowMs + 700);
                return FakeBybit.Fixture("rest_fee_rate.docs.json");
            });
        }, Ct);
        using var http = server.CreateClient();
        var time = FakeBybit.LocalClockBehindServer();
        var client = FakeBybit.Client(server, http, time);

        var rates = await client.Account.GetFeeRatesAsync(MarketCategory.Linear, ct: Ct);

        Assert.Single(rates);
        Assert.Equal(2, Volatile.Read(ref calls));
        // Exactly the time left to the reset, not a backoff guess.
        Assert.Equal([TimeSpan.FromMilliseconds(700)], time.Delays);
        Assert.True(client.RateLimits.TryGet("/v5/account/fee-rate", out var limit));
        Assert.Equal(4, limit.Remaining);
    }

    [Fact]
    public async Task Exhausted_limit_holds_the_next_call_until_the_reset()
    {
        var stamps = new ConcurrentQueue<long>();
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () => FakeBybit.Time(FakeBybit.ServerNow));
            app.MapGet("/v5/account/fee-rate", (HttpContext ctx) =>
            {
                stamps.Enqueue(FakeBybit.TimestampHeader(ctx.Request));
                SetLimitHeaders(ctx.Response, remaining: stamps.Count == 1 ? 0 : 4, FakeBybit.ServerNowMs + 400);
                return FakeBybit.Fixture("rest_fee_rate.docs.json");
            });
        }, Ct);
        using var http = server.CreateClient();
        var time = FakeBybit.LocalClockBehindServer();
        var client = FakeBybit.Client(server, http, time);

        await client.Account.GetFeeRatesAsync(MarketCategory.Linear, ct: Ct);
        Assert.Empty(time.Delays);
        Assert.True(client.RateLimits.TryGet("/v5/account/fee-rate", out var exhausted));
        Assert.True(exhausted.IsExhausted);

        await client.Account.GetFeeRatesAsync(MarketCategory.Linear, ct: Ct);

        Assert.Equal([TimeSpan.FromMilliseconds(400)], time.Delays);
        Assert.Equal([FakeBybit.ServerNowMs, FakeBybit.ServerNowMs + 400], stamps);
    }

    [Theory]
    [InlineData(10006, "Too many visits!")]
    [InlineData(10016, "Service is restarting")]
    public async Task Retryable_ret_codes_without_reset_header_back_off_and_retry(int retCode, string retMsg)
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
            app.MapGet("/v5/market/tickers", () => Interlocked.Increment(ref calls) <= 2
                ? FakeBybit.Error(retCode, retMsg)
                : FakeBybit.Fixture("rest_tickers_spot.docs.json")), Ct);
        using var http = server.CreateClient();
        var time = FakeBybit.LocalClockBehindServer();
        var client = FakeBybit.Client(server, http, time, withCredentials: false);

        var tickers = await client.Market.GetTickersAsync(MarketCategory.Spot, ct: Ct);

        Assert.Single(tickers);
        Assert.Equal(3, Volatile.Read(ref calls));
        Assert.Equal(2, time.Delays.Count);
        Assert.InRange(time.Delays[0], TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10));
        Assert.InRange(time.Delays[1], TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public async Task Other_ret_codes_fail_without_retry()
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
            app.MapGet("/v5/market/orderbook", () =>
            {
                Interlocked.Increment(ref calls);
                return FakeBybit.Error(10001, "params error: symbol invalid");
            }), Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer(), withCredentials: false);

        var ex = await Assert.ThrowsAsync<BybitApiException>(
            () => client.Market.GetOrderBookAsync(MarketCategory.Linear, "NOPE", ct: Ct));

        Assert.Equal(10001, ex.RetCode);
        Assert.Equal("params error: symbol invalid", ex.RetMessage);
        Assert.Equal("GET /v5/market/orderbook", ex.Endpoint);
        Assert.Equal(1, Volatile.Read(ref calls));
    }
}
