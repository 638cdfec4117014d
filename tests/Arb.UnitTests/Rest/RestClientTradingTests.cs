using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.UnitTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Arb.UnitTests.Rest;

/// <summary>The trading areas against a loopback server answering with Bybit's fixtures.</summary>
public sealed class RestClientTradingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_insufficient_balance_refusal_is_a_110007_api_error_sent_once_with_the_signed_body()
    {
        var bodies = new List<string>();
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () => FakeBybit.Time(FakeBybit.ServerNow));
            app.MapPost("/v5/order/create", async (HttpContext ctx) =>
            {
                using var reader = new StreamReader(ctx.Request.Body);
                var body = await reader.ReadToEndAsync();
                bodies.Add(body);
                return FakeBybit.SignatureProblem(ctx.Request, body) is { } problem
                    ? FakeBybit.Error(10004, "error sign! " + problem)
                    : FakeBybit.Fixture("rest_order_create_error_110007.ccxt.json");
            });
        }, Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer());
        var order = new OrderRequest(MarketCategory.Linear, "BTCUSDT", TradeSide.Buy, OrderType.Market, 0.001m, "leg-1");

        var error = await Assert.ThrowsAsync<BybitApiException>(() => client.Trading.PlaceOrderAsync(order, Ct));

        Assert.Equal((110007, "ab not enough for new order"), (error.RetCode, error.RetMessage));
        Assert.Equal([order.ToJson()], bodies);
    }

    [Theory]
    [InlineData("/v5/position/set-leverage", 110043)]
    [InlineData("/v5/position/switch-mode", 110025)]
    public async Task Leverage_and_mode_report_a_change_or_the_not_modified_code_as_no_change(string path, int notModified)
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () => FakeBybit.Time(FakeBybit.ServerNow));
            app.MapPost(path, () => ++calls == 1
                ? FakeBybit.Fixture(path.EndsWith("leverage", StringComparison.Ordinal) ? "rest_set_leverage.docs.json" : "rest_switch_mode.docs.json")
                : FakeBybit.Error(notModified, "not modified"));
        }, Ct);
        using var http = server.CreateClient();
        var positions = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer()).Positions;
        Func<Task<bool>> call = path.EndsWith("leverage", StringComparison.Ordinal)
            ? () => positions.SetLeverageAsync("BTCUSDT", 5m, Ct)
            : () => positions.SwitchToOneWayModeAsync("BTCUSDT", Ct);

        Assert.True(await call());
        Assert.False(await call());
    }

    [Fact]
    public async Task Other_refusals_of_a_mode_switch_still_throw()
    {
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () => FakeBybit.Time(FakeBybit.ServerNow));
            app.MapPost("/v5/position/switch-mode", () => FakeBybit.Error(110024, "position exists"));
        }, Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer());

        var error = await Assert.ThrowsAsync<BybitApiException>(() => client.Positions.SwitchToOneWayModeAsync("BTCUSDT", Ct));

        Assert.Equal(110024, error.RetCode);
    }

    [Fact]
    public async Task Executions_follow_the_cursor_to_the_end()
    {
        var queries = new List<string>();
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v5/market/time", () => FakeBybit.Time(FakeBybit.ServerNow));
            app.MapGet("/v5/execution/list", (HttpContext ctx) =>
            {
                var query = FakeBybit.RawQuery(ctx.Request);
                queries.Add(query);
                return query.Contains("cursor=", StringComparison.Ordinal)
                    ? FakeBybit.Ok("""{"nextPageCursor":"","category":"linear","list":[]}""")
                    : FakeBybit.Fixture("rest_execution_list_linear.ccxt.json");
            });
        }, Ct);
        using var http = server.CreateClient();
        var client = FakeBybit.Client(server, http, FakeBybit.LocalClockBehindServer());

        var history = await client.Trading.GetExecutionsAsync(MarketCategory.Linear, "LTCUSDT", startTimeMs: 1710000000000, pageSize: 50, ct: Ct);

        Assert.Equal("751c8dba-bdeb-5d0c-9dd3-dda6bf98cdaf", Assert.Single(history.Fills).ExecId);
        Assert.Equal(
            ["category=linear&symbol=LTCUSDT&startTime=1710000000000&limit=50",
             "category=linear&symbol=LTCUSDT&startTime=1710000000000&limit=50&cursor=5771350%3A2%2C5771350%3A2"],
            queries);
    }
}
