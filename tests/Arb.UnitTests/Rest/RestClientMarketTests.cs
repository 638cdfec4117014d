using System.Collections.Concurrent;
using System.Net;
using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.UnitTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Arb.UnitTests.Rest;

/// <summary>Public endpoints against a loopback Kestrel server serving the fixtures.</summary>
public sealed class RestClientMarketTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Public_endpoints_return_parsed_fixtures()
    {
        var queries = new ConcurrentQueue<string>();
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () => FakeBybit.Fixture("rest_market_time.docs.json"));
            app.MapGet("/v5/market/instruments-info", (HttpContext ctx) =>
            {
                queries.Enqueue(FakeBybit.RawQuery(ctx.Request));
                return FakeBybit.Fixture("rest_instruments_info_spot.docs.json");
            });
            app.MapGet("/v5/market/tickers", (HttpContext ctx) =>
            {
                queries.Enqueue(FakeBybit.RawQuery(ctx.Request));
                return ctx.Request.Query["category"] == "spot"
                    ? FakeBybit.Fixture("rest_tickers_spot.docs.json")
                    : FakeBybit.Fixture("rest_tickers_linear.ccxt.json");
            });
            app.MapGet("/v5/market/orderbook", (HttpContext ctx) =>
            {
                queries.Enqueue(FakeBybit.RawQuery(ctx.Request));
                return FakeBybit.Fixture("rest_orderbook_linear.ccxt.json");
            });
        }, Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer(), withCredentials: false);

        var time = await client.Market.GetServerTimeAsync(Ct);
        var spot = await client.Market.GetInstrumentsAsync(MarketCategory.Spot, "BTCUSDT", Ct);
        var spotTicker = Assert.Single(await client.Market.GetTickersAsync(MarketCategory.Spot, ct: Ct));
        var linearTicker = Assert.Single(await client.Market.GetTickersAsync(MarketCategory.Linear, "BTCUSDT", Ct));
        var book = await client.Market.GetOrderBookAsync(MarketCategory.Linear, "BTCUSDT", 50, Ct);

        Assert.Equal(1688639403423213947, time.TimeNano);
        var instrument = Assert.Single(spot);
        Assert.Equal(0.000001m, instrument.QtyStep);
        Assert.Equal(20517.96m, spotTicker.Bid1Price);
        Assert.Equal(-0.00046295m, linearTicker.FundingRate);
        Assert.Equal(342690, book.UpdateId);
        Assert.Equal(
            [
                "category=spot&symbol=BTCUSDT",
                "category=spot",
                "category=linear&symbol=BTCUSDT",
                "category=linear&symbol=BTCUSDT&limit=50",
            ],
            queries);
    }

    [Fact]
    public async Task Linear_instruments_follow_the_cursor_to_the_last_page()
    {
        var queries = new ConcurrentQueue<string>();
        await using var server = await LoopbackHttpServer.StartAsync(app =>
            app.MapGet("/v5/market/instruments-info", (HttpContext ctx) =>
            {
                queries.Enqueue(FakeBybit.RawQuery(ctx.Request));
                // The prelisting page hands out a cursor; the regular page ends the walk with "".
                return ctx.Request.Query.ContainsKey("cursor")
                    ? ctx.Request.Query["cursor"] == "first=BIOUSDT&last=BIOUSDT"
                        ? FakeBybit.Fixture("rest_instruments_info_linear.docs.json")
                        : FakeBybit.Error(10001, "bad cursor")
                    : FakeBybit.Fixture("rest_instruments_info_linear_prelisting.docs.json");
            }), Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer(), withCredentials: false);

        var instruments = await client.Market.GetInstrumentsAsync(MarketCategory.Linear, ct: Ct);

        Assert.Equal(["BIOUSDT", "BTCUSDT"], instruments.Select(i => i.Symbol));
        // The cursor goes back exactly as received (already percent-encoded).
        Assert.Equal(
            ["category=linear&limit=1000", "category=linear&limit=1000&cursor=first%3DBIOUSDT%26last%3DBIOUSDT"],
            queries);
    }

    [Fact]
    public async Task Dropped_connection_and_503_are_retried_until_success()
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
            app.MapGet("/v5/market/orderbook", (HttpContext ctx) =>
            {
                switch (Interlocked.Increment(ref calls))
                {
                    case 1:
                        ctx.Abort();
                        return Results.Empty;
                    case 2:
                        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                    default:
                        return FakeBybit.Fixture("rest_orderbook_spot.docs.json");
                }
            }), Ct);
        using var http = server.CreateClient();
        var time = FakeBybit.LocalClockBehindServer();
        var logger = new CapturingLogger();
        var client = FakeBybit.Client(server, http, time, withCredentials: false, logger);

        var book = await client.Market.GetOrderBookAsync(MarketCategory.Spot, "BTCUSDT", ct: Ct);

        Assert.Equal(230704, book.UpdateId);
        Assert.Equal(3, Volatile.Read(ref calls));
        Assert.Equal(2, time.Delays.Count);
        Assert.All(time.Delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)));
        Assert.Equal(2, logger.Messages.Count(m => m.Contains("retry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Timeout_is_retried_like_a_transport_error()
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
            app.MapGet("/v5/market/time", async (HttpContext ctx) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    // Hang until the client gives up on this attempt.
                    await Task.Delay(Timeout.InfiniteTimeSpan, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return FakeBybit.Time(FakeBybit.ServerNow);
            }), Ct);
        using var http = server.CreateClient(TimeSpan.FromMilliseconds(300));
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer(), withCredentials: false);

        var time = await client.Market.GetServerTimeAsync(Ct);

        Assert.Equal(FakeBybit.ServerNow, time.Instant);
        Assert.Equal(2, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Persistent_503_gives_up_after_max_retries()
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
            app.MapGet("/v5/market/tickers", () =>
            {
                Interlocked.Increment(ref calls);
                return Results.Text("upstream down", statusCode: StatusCodes.Status503ServiceUnavailable);
            }), Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer(), withCredentials: false);

        var ex = await Assert.ThrowsAsync<BybitHttpException>(
            () => client.Market.GetTickersAsync(MarketCategory.Spot, ct: Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(1 + client.Options.MaxRetries, Volatile.Read(ref calls));
    }

    [Theory]
    [InlineData(StatusCodes.Status401Unauthorized)]
    [InlineData(StatusCodes.Status403Forbidden)]
    [InlineData(StatusCodes.Status404NotFound)]
    public async Task Client_errors_fail_at_once_naming_endpoint_and_status(int status)
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
            app.MapGet("/v5/market/tickers", () =>
            {
                Interlocked.Increment(ref calls);
                return Results.Text("nope", statusCode: status);
            }), Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer(), withCredentials: false);

        var ex = await Assert.ThrowsAsync<BybitHttpException>(
            () => client.Market.GetTickersAsync(MarketCategory.Linear, ct: Ct));

        Assert.Equal(status, (int)ex.StatusCode);
        Assert.Equal("GET /v5/market/tickers", ex.Endpoint);
        Assert.Contains("GET /v5/market/tickers", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Malformed_result_names_the_endpoint()
    {
        await using var server = await LoopbackHttpServer.StartAsync(app =>
            app.MapGet("/v5/market/orderbook", () => FakeBybit.Ok("""{"s":"BTCUSDT","b":[["x","1"]],"a":[],"ts":1,"u":1}""")), Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer(), withCredentials: false);

        var ex = await Assert.ThrowsAsync<BybitRestException>(
            () => client.Market.GetOrderBookAsync(MarketCategory.Spot, "BTCUSDT", ct: Ct));

        Assert.Equal("GET /v5/market/orderbook", ex.Endpoint);
        Assert.IsType<FormatException>(ex.InnerException);
    }
}
