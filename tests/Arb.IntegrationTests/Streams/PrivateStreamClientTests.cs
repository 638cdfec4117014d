using System.Threading.Channels;
using Arb.Bybit.Rest;
using Arb.Bybit.Streams;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.IntegrationTests.Support;
using Arb.Simulator;
using Arb.Simulator.Trading;

namespace Arb.IntegrationTests.Streams;

/// <summary>The bot's private-stream client against the simulator: auth, subscriptions, account events, reconnects.</summary>
public sealed class PrivateStreamClientTests
{
    private const string Key = "arbbot-sim-key";
    private const string Secret = "arbbot-sim-secret";

    private static (PrivateStreamClient Client, ChannelReader<PrivateStreamEvent> Events) Client(SimulatorServer sim, string secret = Secret)
    {
        var channel = Channel.CreateUnbounded<PrivateStreamEvent>();
        var options = new PrivateStreamOptions
        {
            Endpoint = new Uri(sim.WebSocketUri, "/v5/private"),
            Credentials = new ApiCredentials(Key, secret),
            ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(200),
        };
        return (new PrivateStreamClient(options, channel.Writer), channel.Reader);
    }

    private static async Task<PrivateStreamEvent> NextAsync(ChannelReader<PrivateStreamEvent> events, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        return await events.ReadAsync(deadline.Token);
    }

    private static void PlaceMarketBuy(SimulatorServer sim, string orderLinkId)
    {
        lock (sim.Market.Gate)
        {
            var account = sim.Accounts.Find(Key)!;
            var result = sim.Engine.Submit(account, new Arb.Simulator.Trading.OrderRequest(MarketCategory.Linear, "BTCUSDT", SimSide.Buy, SimOrderType.Market, 0.01m) { OrderLinkId = orderLinkId }, sim.Market.NowMs);
            Assert.Equal(0, result.RetCode);
            sim.AccountEvents.Flush(account, sim.Market.NowMs);
        }
    }

    // Reads account events until one of each kind the test needs has arrived for the order.
    private static async Task<(Fill Fill, OrderUpdate Order, PositionUpdate Position, WalletUpdate Wallet)> OrderEventsAsync(
        ChannelReader<PrivateStreamEvent> events, string orderLinkId, CancellationToken ct)
    {
        Fill? fill = null;
        OrderUpdate? order = null;
        PositionUpdate? position = null;
        WalletUpdate? wallet = null;
        while (fill is null || order is null || position is null || wallet is null)
        {
            var e = await NextAsync(events, ct);
            Assert.Equal(PrivateStreamEventKind.Account, e.Kind);
            switch (e.Event)
            {
                case Fill f when f.OrderLinkId == orderLinkId:
                    fill = f;
                    break;
                case OrderUpdate o when o.OrderLinkId == orderLinkId && o.Status == OrderStatus.Filled:
                    order = o;
                    break;
                case PositionUpdate p when p.Symbol == "BTCUSDT":
                    position = p;
                    break;
                case WalletUpdate w:
                    wallet = w;
                    break;
            }
        }

        return (fill, order, position, wallet);
    }

    [Fact]
    public async Task Authenticates_subscribes_and_delivers_the_fill_order_position_and_wallet_of_an_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions(), ct: ct);
        var (client, events) = Client(sim);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = client.RunAsync(stop.Token);

        Assert.Equal(PrivateStreamEventKind.Authenticated, (await NextAsync(events, ct)).Kind);
        Assert.True(client.IsAuthenticated);
        PlaceMarketBuy(sim, "t1");
        var (fill, order, position, wallet) = await OrderEventsAsync(events, "t1", ct);

        Assert.Equal(0.01m, fill.Quantity);
        Assert.Equal(TradeSide.Buy, fill.Side);
        Assert.Equal("USDT", fill.FeeCoin);
        Assert.True(fill.Fee > 0m);
        Assert.Equal(0.01m, order.CumExecQty);
        Assert.Equal(0.01m, position.Size);
        Assert.Contains(wallet.Coins, c => c.Coin == "USDT");
        Assert.Equal(0, client.Stats.MalformedMessages);
        Assert.Equal(0, client.Stats.AuthFailures);

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_counted_and_never_reported_authenticated()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions(), ct: ct);
        var (client, events) = Client(sim, "not-the-secret");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = client.RunAsync(stop.Token);

        Assert.True(await Eventually.TrueAsync(() => client.Stats.AuthFailures >= 2, TimeSpan.FromSeconds(10)));
        Assert.False(client.IsAuthenticated);
        Assert.True(client.Stats.Reconnects >= 1);
        await stop.CancelAsync();
        await run;
        Assert.False(events.TryRead(out var unexpected), $"no event expected, got {unexpected.Kind}");
    }

    [Fact]
    public async Task A_dropped_connection_is_reported_then_reauthenticated_and_resubscribed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions(), ct: ct);
        var (client, events) = Client(sim);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = client.RunAsync(stop.Token);
        Assert.Equal(PrivateStreamEventKind.Authenticated, (await NextAsync(events, ct)).Kind);

        using var http = new HttpClient();
        using var dropped = await http.PostAsync(new Uri(sim.RestUri, "/sim/drop-connections"), null, ct);
        dropped.EnsureSuccessStatusCode();

        var lost = await NextAsync(events, ct);
        Assert.Equal(PrivateStreamEventKind.ConnectionLost, lost.Kind);
        Assert.False(string.IsNullOrEmpty(lost.Reason));
        Assert.Equal(PrivateStreamEventKind.Authenticated, (await NextAsync(events, ct)).Kind);
        Assert.Equal(1, client.Stats.Reconnects);

        PlaceMarketBuy(sim, "after-drop"); // the new connection is subscribed again
        var (fill, _, _, _) = await OrderEventsAsync(events, "after-drop", ct);
        Assert.Equal(0.01m, fill.Quantity);

        await stop.CancelAsync();
        await run;
    }
}
