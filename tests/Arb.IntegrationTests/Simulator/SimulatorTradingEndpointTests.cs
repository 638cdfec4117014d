using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Arb.Bybit.Rest;
using Arb.Simulator;
using Arb.Simulator.Market;
using Arb.UnitTests.Support;

namespace Arb.IntegrationTests.Simulator;

/// <summary>
/// The simulator's signed trading and account endpoints, called raw (to check the wire shape against Bybit's
/// fixtures) and through the bot's own client (to check that it reads them as it would read Bybit).
/// </summary>
public sealed class SimulatorTradingEndpointTests : IAsyncLifetime
{
    private const string Key = "arbbot-sim-key";
    private const string Secret = "arbbot-sim-secret";
    private SimulatorServer _sim = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sim = await SimulatorServer.StartAsync(new SimulatorOptions(), ct: Ct);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task A_linear_market_buy_shows_in_positions_and_executions_with_fixture_shapes()
    {
        var create = await PostAsync("/v5/order/create", """{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"0.3","orderLinkId":"lin-1"}""");
        JsonShape.AssertExactShape(Fixture("rest_order_create.docs.json"), create);
        var orderId = Result(create).GetProperty("orderId").GetString()!;

        var executions = await GetAsync("/v5/execution/list", "category=linear&symbol=BTCUSDT");
        JsonShape.AssertSameShape(Fixture("rest_execution_list.docs.json"), executions);
        var fills = Result(executions).GetProperty("list").EnumerateArray().ToList();
        Assert.All(fills, f => Assert.Equal(orderId, f.GetProperty("orderId").GetString()));
        Assert.All(fills, f => Assert.Equal(Dec(f, "execValue") * 0.00055m, Dec(f, "execFee"), 8));
        Assert.All(fills, f => Assert.Equal("lin-1", f.GetProperty("orderLinkId").GetString()));
        var filledQty = fills.Sum(f => Dec(f, "execQty"));
        var filledValue = fills.Sum(f => Dec(f, "execValue"));
        Assert.Equal(0.3m, filledQty);
        Assert.True(fills.Zip(fills.Skip(1)).All(p => long.Parse(p.First.GetProperty("execTime").GetString()!, CultureInfo.InvariantCulture)
            >= long.Parse(p.Second.GetProperty("execTime").GetString()!, CultureInfo.InvariantCulture)));

        var positions = await GetAsync("/v5/position/list", "category=linear&symbol=BTCUSDT");
        JsonShape.AssertSameShape(Fixture("rest_position_list.docs.json"), positions, "$.result.list[0].mmrSysUpdateTime");
        var position = Assert.Single(Result(positions).GetProperty("list").EnumerateArray());
        Assert.Equal("Buy", position.GetProperty("side").GetString());
        Assert.Equal(0.3m, Dec(position, "size"));
        Assert.Equal(Math.Round(filledValue / filledQty, 8), Dec(position, "avgPrice"));
        Assert.Equal(0, position.GetProperty("positionIdx").GetInt32());
        Assert.Equal("10", position.GetProperty("leverage").GetString());
        Assert.Equal(-Math.Round(filledValue * 0.00055m, 8), Dec(position, "cumRealisedPnl"));

        var bySettleCoin = await Client().SendSignedAsync(BybitRequest.Get("/v5/position/list", new BybitQuery().Add("category", "linear").Add("settleCoin", "USDT")), Ct);
        Assert.Equal("BTCUSDT", Assert.Single(bySettleCoin.Result.GetProperty("list").EnumerateArray()).GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task A_flat_symbol_is_listed_with_an_empty_side_and_zero_size_and_no_position_lists_nothing_by_settle_coin()
    {
        var flat = await GetAsync("/v5/position/list", "category=linear&symbol=ETHUSDT");
        JsonShape.AssertSameShape(Fixture("rest_position_list.docs.json"), flat, "$.result.list[0].mmrSysUpdateTime");
        var row = Assert.Single(Result(flat).GetProperty("list").EnumerateArray());
        Assert.Equal(("", "0"), (row.GetProperty("side").GetString(), row.GetProperty("size").GetString()));

        var none = await GetAsync("/v5/position/list", "category=linear&settleCoin=USDT");
        Assert.Empty(Result(none).GetProperty("list").EnumerateArray());
    }

    [Fact]
    public async Task A_spot_market_buy_in_quote_coin_changes_the_wallet_by_exactly_its_fills()
    {
        var before = await GetAsync("/v5/account/wallet-balance", "accountType=UNIFIED&coin=USDT,BTC");
        JsonShape.AssertSameShape(Fixture("rest_wallet_balance.docs.json"), before);

        var create = await PostAsync("/v5/order/create", """{"category":"spot","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"1000"}""");
        JsonShape.AssertExactShape(Fixture("rest_order_create_spot.ccxt.json"), create);

        var after = await GetAsync("/v5/account/wallet-balance", "accountType=UNIFIED&coin=USDT,BTC");
        var fills = Result(await GetAsync("/v5/execution/list", "category=spot")).GetProperty("list").EnumerateArray().ToList();
        Assert.NotEmpty(fills);
        Assert.All(fills, f => Assert.Equal("BTC", f.GetProperty("feeCurrency").GetString()));
        var spent = fills.Sum(f => Dec(f, "execValue"));
        var received = fills.Sum(f => Dec(f, "execQty") - Dec(f, "execFee"));
        Assert.InRange(spent, 990m, 1000m);
        Assert.Equal(CoinBalance(before, "USDT") - spent, CoinBalance(after, "USDT"));
        Assert.Equal(CoinBalance(before, "BTC") + received, CoinBalance(after, "BTC"));

        var usdt = Coin(after, "USDT");
        Assert.Equal(Dec(usdt, "walletBalance"), Dec(usdt, "usdValue"));
    }

    [Fact]
    public async Task Wallet_balance_omits_zero_coins_unless_asked_and_sums_usd_values()
    {
        var all = Result(await GetAsync("/v5/account/wallet-balance", "accountType=UNIFIED")).GetProperty("list")[0];
        Assert.Equal(["BTC", "ETH", "USDT"], all.GetProperty("coin").EnumerateArray().Select(c => c.GetProperty("coin").GetString()));
        Assert.Equal(all.GetProperty("coin").EnumerateArray().Sum(c => Dec(c, "usdValue")), Dec(all, "totalEquity"), 6);

        var sol = Result(await GetAsync("/v5/account/wallet-balance", "accountType=UNIFIED&coin=SOL")).GetProperty("list")[0];
        Assert.Equal("0", Assert.Single(sol.GetProperty("coin").EnumerateArray()).GetProperty("walletBalance").GetString());
    }

    [Fact]
    public async Task A_duplicate_order_link_id_is_refused_per_category_with_bybits_codes()
    {
        var client = Client();
        const string linear = """{"category":"linear","symbol":"ETHUSDT","side":"Buy","orderType":"Market","qty":"0.01","orderLinkId":"dup-1"}""";
        const string spot = """{"category":"spot","symbol":"ETHUSDT","side":"Buy","orderType":"Market","qty":"10","orderLinkId":"dup-1"}""";
        await client.SendSignedAsync(BybitRequest.Post("/v5/order/create", linear, retryable: false), Ct);
        await client.SendSignedAsync(BybitRequest.Post("/v5/order/create", spot, retryable: false), Ct);

        var linearDup = await Assert.ThrowsAsync<BybitApiException>(() => client.SendSignedAsync(BybitRequest.Post("/v5/order/create", linear, retryable: false), Ct));
        var spotDup = await Assert.ThrowsAsync<BybitApiException>(() => client.SendSignedAsync(BybitRequest.Post("/v5/order/create", spot, retryable: false), Ct));

        Assert.Equal((110072, 170141), (linearDup.RetCode, spotDup.RetCode));
    }

    [Fact]
    public async Task Cancelling_an_unknown_order_is_110001_on_linear_and_170213_on_spot()
    {
        var linear = await PostAsync("/v5/order/cancel", """{"category":"linear","symbol":"BTCUSDT","orderId":"nope"}""");
        var spot = await PostAsync("/v5/order/cancel", """{"category":"spot","symbol":"BTCUSDT","orderLinkId":"nope"}""");

        Assert.Equal(110001, RetCode(linear));
        Assert.Equal(170213, RetCode(spot));
    }

    [Fact]
    public async Task A_gtc_limit_order_is_listed_open_until_cancelled()
    {
        decimal bid;
        lock (_sim.Market.Gate)
        {
            bid = _sim.Market.Find("BTCUSDT")!.Linear.BestBid!.Value;
        }

        var price = Math.Floor(bid * 0.9m);
        var create = await PostAsync("/v5/order/create", $$"""{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.01","price":"{{price.ToString(CultureInfo.InvariantCulture)}}","timeInForce":"GTC","orderLinkId":"rest-1"}""");
        var orderId = Result(create).GetProperty("orderId").GetString()!;

        var open = await GetAsync("/v5/order/realtime", "category=linear&symbol=BTCUSDT");
        JsonShape.AssertSameShape(Fixture("rest_order_realtime.docs.json"), open, "$.result.list[0].cumFeeDetail");
        var row = Assert.Single(Result(open).GetProperty("list").EnumerateArray());
        Assert.Equal((orderId, "New", "0.01"), (row.GetProperty("orderId").GetString(), row.GetProperty("orderStatus").GetString(), row.GetProperty("leavesQty").GetString()));
        Assert.Equal(price, Dec(row, "price"));

        var cancel = await PostAsync("/v5/order/cancel", $$"""{"category":"linear","symbol":"BTCUSDT","orderLinkId":"rest-1"}""");
        JsonShape.AssertExactShape(Fixture("rest_order_cancel.docs.json"), cancel);
        Assert.Equal(orderId, Result(cancel).GetProperty("orderId").GetString());

        Assert.Empty(Result(await GetAsync("/v5/order/realtime", "category=linear&symbol=BTCUSDT")).GetProperty("list").EnumerateArray());
        var finished = Assert.Single(Result(await GetAsync("/v5/order/realtime", $"category=linear&symbol=BTCUSDT&orderId={orderId}")).GetProperty("list").EnumerateArray());
        Assert.Equal("Cancelled", finished.GetProperty("orderStatus").GetString());
    }

    [Fact]
    public async Task A_batch_with_one_bad_order_reports_each_orders_code_in_ret_ext_info()
    {
        var batch = await PostAsync("/v5/order/create-batch", """
            {"category":"spot","request":[
              {"symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.01","price":"1000","orderLinkId":"b-1"},
              {"symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.01","price":"1000.001","orderLinkId":"b-2"},
              {"symbol":"ETHUSDT","side":"Buy","orderType":"Limit","qty":"0.01","price":"1000","orderLinkId":"b-3"}]}
            """);

        JsonShape.AssertExactShape(Fixture("rest_order_create_batch.docs.json"), batch);
        Assert.Equal(0, RetCode(batch));
        using var document = JsonDocument.Parse(batch);
        var codes = document.RootElement.GetProperty("retExtInfo").GetProperty("list").EnumerateArray().Select(i => i.GetProperty("code").GetInt32());
        Assert.Equal([0, 170134, 0], codes);
        var links = Result(batch).GetProperty("list").EnumerateArray().Select(i => i.GetProperty("orderLinkId").GetString());
        Assert.Equal(["b-1", "", "b-3"], links);
        Assert.Equal(2, Result(await GetAsync("/v5/order/realtime", "category=spot")).GetProperty("list").GetArrayLength());

        var tooMany = string.Join(',', Enumerable.Range(0, 11).Select(i => $$"""{"symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"1000"}"""));
        Assert.Equal(10001, RetCode(await PostAsync("/v5/order/create-batch", $$"""{"category":"spot","request":[{{tooMany}}]}""")));
    }

    [Fact]
    public async Task The_reject_fault_refuses_the_next_order_as_a_balance_error()
    {
        await SimPostAsync("/sim/reject-orders?count=1");
        const string order = """{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"0.01"}""";

        var rejected = await PostAsync("/v5/order/create", order);
        var accepted = await PostAsync("/v5/order/create", order);

        JsonShape.AssertExactShape(Fixture("rest_order_create_error_110007.ccxt.json"), rejected);
        Assert.Contains("\"retMsg\":\"ab not enough for new order\"", rejected, StringComparison.Ordinal);
        Assert.Equal(0, RetCode(accepted));
        await SimPostAsync("/sim/reject-orders?count=1");
        Assert.Equal(170131, RetCode(await PostAsync("/v5/order/create", """{"category":"spot","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"100"}""")));
    }

    [Fact]
    public async Task The_bots_client_sees_a_rejected_order_as_bybits_balance_error_and_does_not_retry_it()
    {
        await SimPostAsync("/sim/reject-orders?count=1");
        const string order = """{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"0.01","orderLinkId":"bot-leg-1"}""";

        var error = await Assert.ThrowsAsync<BybitApiException>(() => Client().SendSignedAsync(BybitRequest.Post("/v5/order/create", order, retryable: false), Ct));
        var retried = await Client().SendSignedAsync(BybitRequest.Post("/v5/order/create", order, retryable: false), Ct);

        Assert.Equal(110007, error.RetCode);
        Assert.Equal("ab not enough for new order", error.RetMessage);
        Assert.Equal("bot-leg-1", retried.Result.GetProperty("orderLinkId").GetString()); // the rejected id was never used
    }

    [Fact]
    public async Task The_partial_fill_fault_fills_half_and_cancels_the_rest()
    {
        await SimPostAsync("/sim/partial-fill?count=1");

        var create = await PostAsync("/v5/order/create", """{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"0.021"}""");
        var orderId = Result(create).GetProperty("orderId").GetString()!;

        var order = Assert.Single(Result(await GetAsync("/v5/order/realtime", $"category=linear&symbol=BTCUSDT&orderId={orderId}")).GetProperty("list").EnumerateArray());
        Assert.Equal(("Cancelled", 0.01m), (order.GetProperty("orderStatus").GetString(), Dec(order, "cumExecQty")));
        var position = Result(await GetAsync("/v5/position/list", "category=linear&symbol=BTCUSDT")).GetProperty("list")[0];
        Assert.Equal(0.01m, Dec(position, "size"));

        var next = await PostAsync("/v5/order/create", """{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"0.02"}""");
        var nextId = Result(next).GetProperty("orderId").GetString()!;
        var full = Result(await GetAsync("/v5/order/realtime", $"category=linear&symbol=BTCUSDT&orderId={nextId}")).GetProperty("list")[0];
        Assert.Equal("Filled", full.GetProperty("orderStatus").GetString());
    }

    [Fact]
    public async Task Leverage_and_position_mode_answer_as_bybit_does_for_one_way_mode()
    {
        const string five = """{"category":"linear","symbol":"BTCUSDT","buyLeverage":"5","sellLeverage":"5"}""";
        var set = await PostAsync("/v5/position/set-leverage", five);
        JsonShape.AssertExactShape(Fixture("rest_set_leverage.docs.json"), set);
        Assert.Equal(110043, RetCode(await PostAsync("/v5/position/set-leverage", five)));
        Assert.Equal("5", Result(await GetAsync("/v5/position/list", "category=linear&symbol=BTCUSDT")).GetProperty("list")[0].GetProperty("leverage").GetString());

        Assert.Equal(110025, RetCode(await PostAsync("/v5/position/switch-mode", """{"category":"linear","coin":"USDT","mode":0}""")));
        var hedge = await PostAsync("/v5/position/switch-mode", """{"category":"linear","coin":"USDT","mode":3}""");
        Assert.Equal(10001, RetCode(hedge));
        Assert.Contains("hedge mode", hedge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Funding_settlements_are_listed_as_funding_executions()
    {
        await PostAsync("/v5/order/create", """{"category":"linear","symbol":"ETHUSDT","side":"Sell","orderType":"Market","qty":"1"}""");
        lock (_sim.Market.Gate)
        {
            _sim.Engine.SettleFunding(new FundingSettlement("ETHUSDT", 0.0001m, _sim.Market.NowMs + 1), _sim.Market.Find("ETHUSDT")!, _sim.Accounts.All);
        }

        var funding = await GetAsync("/v5/execution/list", "category=linear&execType=Funding");
        var row = Assert.Single(Result(funding).GetProperty("list").EnumerateArray());
        Assert.Equal(("Sell", "UNKNOWN", "1"), (row.GetProperty("side").GetString(), row.GetProperty("orderType").GetString(), row.GetProperty("execQty").GetString()));
        Assert.True(Dec(row, "execFee") < 0); // a short receives a positive rate
        var newest = Result(await GetAsync("/v5/execution/list", "category=linear&limit=1")).GetProperty("list")[0];
        Assert.Equal("Funding", newest.GetProperty("execType").GetString());
    }

    [Fact]
    public async Task Fee_rate_reports_the_callers_own_rates()
    {
        lock (_sim.Market.Gate)
        {
            _sim.Accounts.Find(Key)!.LinearFees = new Arb.Simulator.Trading.SimFeeRates(0.0004m, 0.0001m);
        }

        var rates = await Client().Account.GetFeeRatesAsync(Arb.Domain.Market.MarketCategory.Linear, "ETHUSDT", Ct);

        Assert.Equal((0.0004m, 0.0001m), (Assert.Single(rates).TakerFeeRate, rates[0].MakerFeeRate));
    }

    [Fact]
    public async Task Order_entry_is_signed_a_wrong_secret_is_10004_and_places_nothing()
    {
        var answer = await PostAsync("/v5/order/create", """{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"0.01"}""", secret: "wrong");

        Assert.Equal(10004, RetCode(answer));
        Assert.Empty(Result(await GetAsync("/v5/execution/list", "category=linear")).GetProperty("list").EnumerateArray());
    }

    private static string Fixture(string name) => FixtureFiles.BybitText(name);

    private static JsonElement Result(string envelope)
    {
        using var document = JsonDocument.Parse(envelope);
        Assert.Equal(0, document.RootElement.GetProperty("retCode").GetInt32());
        return document.RootElement.GetProperty("result").Clone();
    }

    private static int RetCode(string envelope)
    {
        using var document = JsonDocument.Parse(envelope);
        return document.RootElement.GetProperty("retCode").GetInt32();
    }

    private static decimal Dec(JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static JsonElement Coin(string walletEnvelope, string coin) =>
        Result(walletEnvelope).GetProperty("list")[0].GetProperty("coin").EnumerateArray().Single(c => c.GetProperty("coin").GetString() == coin);

    private static decimal CoinBalance(string walletEnvelope, string coin) => Dec(Coin(walletEnvelope, coin), "walletBalance");

    private BybitRestClient Client() =>
        new(_http, new BybitRestOptions(_sim.RestUri) { Credentials = new ApiCredentials(Key, Secret) }, TimeProvider.System);

    private Task<string> GetAsync(string path, string query) => SendAsync(HttpMethod.Get, path, query, Secret);

    private Task<string> PostAsync(string path, string body, string secret = Secret) => SendAsync(HttpMethod.Post, path, body, secret);

    // Signs as Bybit specifies: HMAC-SHA256 of timestamp + key + recvWindow + (query string | raw body).
    private async Task<string> SendAsync(HttpMethod method, string path, string payload, string secret)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sign = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + Key + "5000" + payload)));
        var get = method == HttpMethod.Get;
        using var request = new HttpRequestMessage(method, new Uri(_sim.RestUri, get ? $"{path}?{payload}" : path));
        request.Headers.Add("X-BAPI-API-KEY", Key);
        request.Headers.Add("X-BAPI-TIMESTAMP", timestamp);
        request.Headers.Add("X-BAPI-RECV-WINDOW", "5000");
        request.Headers.Add("X-BAPI-SIGN", sign);
        if (!get)
        {
            request.Content = new StringContent(payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await _http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private async Task SimPostAsync(string path)
    {
        using var response = await _http.PostAsync(new Uri(_sim.RestUri, path), null, Ct);
        response.EnsureSuccessStatusCode();
    }
}
