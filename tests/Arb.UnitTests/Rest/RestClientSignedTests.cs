using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.UnitTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Arb.UnitTests.Rest;

/// <summary>Signed calls against a loopback server that verifies every signature itself.</summary>
public sealed class RestClientSignedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signed_get_carries_a_verifiable_signature_stamped_with_server_time()
    {
        var timeCalls = 0;
        long? stamped = null;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () =>
            {
                Interlocked.Increment(ref timeCalls);
                return FakeBybit.Time(FakeBybit.ServerNow);
            });
            app.MapGet("/v5/account/fee-rate", (HttpContext ctx) =>
            {
                stamped = FakeBybit.TimestampHeader(ctx.Request);
                ctx.Response.Headers["X-Bapi-Limit"] = "5";
                ctx.Response.Headers["X-Bapi-Limit-Status"] = "4";
                ctx.Response.Headers["X-Bapi-Limit-Reset-Timestamp"] = FakeBybit.ServerNowMs.ToString(CultureInfo.InvariantCulture);
                return FakeBybit.SignatureProblem(ctx.Request, FakeBybit.RawQuery(ctx.Request)) is { } problem
                    ? FakeBybit.Error(10004, "error sign! " + problem)
                    : FakeBybit.Fixture("rest_fee_rate.docs.json");
            });
        }, Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer());

        var rates = await client.Account.GetFeeRatesAsync(MarketCategory.Linear, "ETHUSDT", Ct);

        Assert.Equal(new FeeRate("ETHUSDT", 0.0006m, 0.0001m), Assert.Single(rates));
        // The local clock is 3 s behind; the first signed call synced it, so the stamp is the server's time.
        Assert.Equal(1, Volatile.Read(ref timeCalls));
        Assert.Equal(TimeSpan.FromSeconds(3), client.Clock.Offset);
        Assert.Equal(FakeBybit.ServerNowMs, stamped);
        Assert.True(client.RateLimits.TryGet("/v5/account/fee-rate", out var limit));
        Assert.Equal(5, limit.Limit);
        Assert.Equal(4, limit.Remaining);
        Assert.Equal(FakeBybit.ServerNowMs, limit.ResetTimestampMs);
        Assert.Contains("/v5/account/fee-rate", client.RateLimits.Snapshot().Keys);
    }

    [Fact]
    public async Task Signed_post_signs_the_exact_body_it_sends()
    {
        const string body = """{"category":"linear","symbol":"BTCUSDT","buyLeverage":"2","sellLeverage":"2"}""";
        string? received = null;
        string? contentType = null;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () => FakeBybit.Time(FakeBybit.ServerNow));
            app.MapPost("/v5/position/set-leverage", async (HttpContext ctx) =>
            {
                using var reader = new StreamReader(ctx.Request.Body);
                received = await reader.ReadToEndAsync();
                contentType = ctx.Request.ContentType;
                return FakeBybit.SignatureProblem(ctx.Request, received) is { } problem
                    ? FakeBybit.Error(10004, "error sign! " + problem)
                    : FakeBybit.Ok();
            });
        }, Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer());

        var response = await client.SendSignedAsync(BybitRequest.Post("/v5/position/set-leverage", body, retryable: false), Ct);

        Assert.Equal("OK", response.RetMessage);
        Assert.Equal(body, received);
        Assert.Equal("application/json", contentType);
    }

    [Fact]
    public async Task Signature_error_never_reveals_the_api_key()
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () => FakeBybit.Time(FakeBybit.ServerNow));
            app.MapGet("/v5/account/fee-rate", (HttpContext ctx) =>
            {
                Interlocked.Increment(ref calls);
                // What Bybit really does: echo the string it signed, API key included.
                var origin = $"{FakeBybit.TimestampHeader(ctx.Request)}{FakeBybit.ApiKey}5000{FakeBybit.RawQuery(ctx.Request)}";
                return FakeBybit.Error(10004, $"error sign! origin_string[{origin}]");
            });
        }, Ct);
        using var http = server.CreateClient();
        var logger = new CapturingLogger();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer(), logger: logger);

        var ex = await Assert.ThrowsAsync<BybitApiException>(
            () => client.Account.GetFeeRatesAsync(MarketCategory.Spot, ct: Ct));

        Assert.Equal(BybitRetCodes.SignatureError, ex.RetCode);
        Assert.Equal("GET /v5/account/fee-rate", ex.Endpoint);
        Assert.Equal(1, Volatile.Read(ref calls));
        Assert.Contains("origin_string[", ex.Message, StringComparison.Ordinal);
        Assert.Contains("<redacted>", ex.RetMessage, StringComparison.Ordinal);
        foreach (var text in new[] { ex.Message, ex.RetMessage, ex.ToString() }.Concat(logger.Messages))
        {
            Assert.DoesNotContain(FakeBybit.ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeBybit.ApiSecret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Timestamp_rejection_resyncs_the_clock_and_signs_again()
    {
        var timeCalls = 0;
        var feeCalls = 0;
        var stamps = new ConcurrentQueue<long>();
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            // The exchange's clock has moved 2 s by the second reading (as if ours had drifted).
            app.MapGet("/v5/market/time", () =>
                FakeBybit.Time(Interlocked.Increment(ref timeCalls) == 1 ? FakeBybit.ServerNow : FakeBybit.ServerNow.AddSeconds(2)));
            app.MapGet("/v5/account/fee-rate", (HttpContext ctx) =>
            {
                stamps.Enqueue(FakeBybit.TimestampHeader(ctx.Request));
                return Interlocked.Increment(ref feeCalls) == 1
                    ? FakeBybit.Error(10002, "invalid request, please check your server timestamp or recv_window param.")
                    : FakeBybit.Fixture("rest_fee_rate.docs.json");
            });
        }, Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer());

        var rates = await client.Account.GetFeeRatesAsync(MarketCategory.Linear, ct: Ct);

        Assert.Single(rates);
        Assert.Equal(2, Volatile.Read(ref timeCalls));
        Assert.Equal(2, Volatile.Read(ref feeCalls));
        Assert.Equal(TimeSpan.FromSeconds(5), client.Clock.Offset);
        Assert.Equal([FakeBybit.ServerNowMs, FakeBybit.ServerNowMs + 2000], stamps);
    }

    [Fact]
    public async Task Timestamp_rejection_is_resynced_only_once()
    {
        var feeCalls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () => FakeBybit.Time(FakeBybit.ServerNow));
            app.MapGet("/v5/account/fee-rate", () =>
            {
                Interlocked.Increment(ref feeCalls);
                return FakeBybit.Error(10002, "invalid request, please check your server timestamp or recv_window param.");
            });
        }, Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer());

        var ex = await Assert.ThrowsAsync<BybitApiException>(
            () => client.Account.GetFeeRatesAsync(MarketCategory.Linear, ct: Ct));

        Assert.Equal(BybitRetCodes.TimestampOutOfWindow, ex.RetCode);
        Assert.Equal(2, Volatile.Read(ref feeCalls));
    }

    [Fact]
    public async Task Non_retryable_post_is_sent_once_even_on_503()
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () => FakeBybit.Time(FakeBybit.ServerNow));
            app.MapPost("/v5/order/create", () =>
            {
                Interlocked.Increment(ref calls);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            });
        }, Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer());

        var ex = await Assert.ThrowsAsync<BybitHttpException>(() => client.SendSignedAsync(
            BybitRequest.Post("/v5/order/create", """{"category":"linear"}""", retryable: false), Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Signed_call_without_credentials_is_refused_locally()
    {
        await using var server = await LoopbackHttpServer.StartAsync(_ => { }, Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer(), withCredentials: false);

        Assert.False(client.HasCredentials);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.Account.GetFeeRatesAsync(MarketCategory.Spot, ct: Ct));
    }
}
