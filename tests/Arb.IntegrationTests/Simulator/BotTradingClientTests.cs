using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Simulator;

namespace Arb.IntegrationTests.Simulator;

/// <summary>
/// The bot's typed trading client against the simulator with the sandbox key: orders, their fills, the position
/// and the wallet must tell one consistent story, as they would on Bybit.
/// </summary>
public sealed class BotTradingClientTests : IAsyncLifetime
{
    private SimulatorServer _sim = null!;
    private HttpClient _http = null!;
    private BybitRestClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sim = await SimulatorServer.StartAsync(new SimulatorOptions(), ct: Ct);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        _client = new BybitRestClient(
            _http, new BybitRestOptions(_sim.RestUri) { Credentials = new ApiCredentials("arbbot-sim-key", "arbbot-sim-secret") }, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task A_hedged_pair_of_market_orders_reads_back_as_filled_orders_fills_a_position_and_the_wallet_change()
    {
        var before = await _client.Account.GetWalletBalanceAsync(["USDT", "BTC"], Ct);

        var spotAck = await _client.Trading.PlaceOrderAsync(
            new OrderRequest(MarketCategory.Spot, "BTCUSDT", TradeSide.Buy, OrderType.Market, 0.010m, "spot-leg-1", MarketUnit: MarketUnit.BaseCoin), Ct);
        var linearAck = await _client.Trading.PlaceOrderAsync(
            new OrderRequest(MarketCategory.Linear, "BTCUSDT", TradeSide.Sell, OrderType.Market, 0.010m, "perp-leg-1"), Ct);

        Assert.Equal(("spot-leg-1", "perp-leg-1"), (spotAck.OrderLinkId, linearAck.OrderLinkId));
        var spotOrder = await _client.Trading.GetOrderAsync(MarketCategory.Spot, "BTCUSDT", "spot-leg-1", Ct);
        var linearOrder = await _client.Trading.GetOrderAsync(MarketCategory.Linear, "BTCUSDT", "perp-leg-1", Ct);
        Assert.Equal((spotAck.OrderId, "Filled", 0.010m), (spotOrder!.OrderId, spotOrder.Status, spotOrder.CumExecQty));
        Assert.Equal((linearAck.OrderId, "Filled", 0.010m), (linearOrder!.OrderId, linearOrder.Status, linearOrder.CumExecQty));
        Assert.Null(await _client.Trading.GetOrderAsync(MarketCategory.Linear, "BTCUSDT", "never-sent", Ct));

        var spotFills = (await _client.Trading.GetExecutionsAsync(MarketCategory.Spot, "BTCUSDT", "spot-leg-1", ct: Ct)).Fills;
        var linearFills = (await _client.Trading.GetExecutionsAsync(MarketCategory.Linear, "BTCUSDT", "perp-leg-1", ct: Ct)).Fills;
        Assert.NotEmpty(spotFills);
        Assert.NotEmpty(linearFills);
        Assert.All(spotFills, f => Assert.Equal((MarketCategory.Spot, TradeSide.Buy, "BTC", "spot-leg-1"), (f.Category, f.Side, f.FeeCoin, f.OrderLinkId)));
        Assert.All(linearFills, f => Assert.Equal((MarketCategory.Linear, TradeSide.Sell, "USDT", "perp-leg-1"), (f.Category, f.Side, f.FeeCoin, f.OrderLinkId)));
        Assert.Equal(0.010m, spotFills.Sum(f => f.Quantity));
        Assert.Equal(0.010m, linearFills.Sum(f => f.Quantity));
        Assert.Equal(spotOrder.CumExecFee, spotFills.Sum(f => f.Fee));
        Assert.Equal(linearOrder.CumExecFee, linearFills.Sum(f => f.Fee));

        var position = Assert.Single(await _client.Positions.GetPositionsAsync(ct: Ct));
        Assert.Equal(("BTCUSDT", (TradeSide?)TradeSide.Sell, -0.010m), (position.Symbol, position.Side, position.Size));
        Assert.Equal(Math.Round(linearFills.Sum(f => f.Quantity * f.Price) / 0.010m, 8), position.AvgPrice);
        Assert.Equal(-linearFills.Sum(f => f.Fee), position.CumRealisedPnl);

        // Opening a perp moves the wallet only by its fee; the spot buy pays quote for base, its fee taken in base.
        var after = await _client.Account.GetWalletBalanceAsync(["USDT", "BTC"], Ct);
        var spent = spotFills.Sum(f => f.Quantity * f.Price) + linearFills.Sum(f => f.Fee);
        Assert.Equal(before.Find("USDT")!.WalletBalance - spent, after.Find("USDT")!.WalletBalance);
        Assert.Equal(before.Find("BTC")!.WalletBalance + 0.010m - spotFills.Sum(f => f.Fee), after.Find("BTC")!.WalletBalance);
    }

    [Fact]
    public async Task A_resting_gtc_limit_is_listed_open_until_cancelled()
    {
        decimal bid;
        lock (_sim.Market.Gate)
        {
            bid = _sim.Market.Find("BTCUSDT")!.Linear.BestBid!.Value;
        }

        var price = Math.Floor(bid * 0.9m);
        var ack = await _client.Trading.PlaceOrderAsync(
            new OrderRequest(MarketCategory.Linear, "BTCUSDT", TradeSide.Buy, OrderType.Limit, 0.01m, "rest-1", price, TimeInForce.Gtc), Ct);

        var open = Assert.Single(await _client.Trading.GetOpenOrdersAsync(MarketCategory.Linear, ct: Ct));
        Assert.Equal((ack.OrderId, "rest-1", "New", price, 0.01m, true), (open.OrderId, open.OrderLinkId, open.Status, open.Price, open.LeavesQty, open.IsOpen));

        var cancelled = await _client.Trading.CancelOrderAsync(MarketCategory.Linear, "BTCUSDT", orderLinkId: "rest-1", ct: Ct);

        Assert.Equal(ack, cancelled);
        Assert.Empty(await _client.Trading.GetOpenOrdersAsync(MarketCategory.Linear, "BTCUSDT", Ct));
        Assert.Equal("Cancelled", (await _client.Trading.GetOrderAsync(MarketCategory.Linear, "BTCUSDT", "rest-1", Ct))!.Status);
    }

    [Fact]
    public async Task A_reused_order_link_id_is_refused_with_110072()
    {
        var order = new OrderRequest(MarketCategory.Linear, "ETHUSDT", TradeSide.Buy, OrderType.Market, 0.01m, "dup-1");
        await _client.Trading.PlaceOrderAsync(order, Ct);

        var error = await Assert.ThrowsAsync<BybitApiException>(() => _client.Trading.PlaceOrderAsync(order, Ct));

        Assert.Equal(110072, error.RetCode);
    }

    [Fact]
    public async Task Leverage_set_twice_is_a_change_then_a_no_op_and_one_way_mode_is_already_on()
    {
        Assert.True(await _client.Positions.SetLeverageAsync("BTCUSDT", 5m, Ct));
        Assert.False(await _client.Positions.SetLeverageAsync("BTCUSDT", 5m, Ct));
        Assert.False(await _client.Positions.SwitchToOneWayModeAsync("BTCUSDT", Ct));

        var flat = Assert.Single(await _client.Positions.GetPositionsAsync("BTCUSDT", Ct));
        Assert.Equal(("BTCUSDT", (TradeSide?)null, 0m, 5m), (flat.Symbol, flat.Side, flat.Size, flat.Leverage));
    }
}
