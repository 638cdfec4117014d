using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.Simulator;
using Arb.Simulator.Trading;
using Arb.UnitTests.Support;
using OrderRequest = Arb.Simulator.Trading.OrderRequest;

namespace Arb.IntegrationTests.Simulator;

/// <summary>Account events reach the account's private connection on the topics it subscribed to, in Bybit's shapes.</summary>
public sealed class SimulatorAccountEventTests
{
    private const string Key = "arbbot-sim-key";
    private const string Secret = "arbbot-sim-secret";

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(filled), ct);
            filled += result.Count;
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(buffer.AsMemory(0, filled)).RootElement.Clone();
    }

    [Fact]
    public async Task A_linear_market_order_pushes_execution_order_position_and_wallet_frames()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions(), ct: ct);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(sim.WebSocketUri, "/v5/private"), ct);
        var expires = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5_000;
        var auth = $$"""{"op":"auth","args":["{{Key}}",{{expires}},"{{new RequestSigner(Secret).SignWebSocketAuth(expires)}}"]}""";
        var buffer = new byte[1 << 20];
        await socket.SendAsync(Encoding.UTF8.GetBytes(auth), WebSocketMessageType.Text, true, ct);
        Assert.True((await ReceiveAsync(socket, buffer, ct)).GetProperty("success").GetBoolean());
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":"subscribe","args":["order","execution","execution.fast.linear","position","wallet"]}"""), WebSocketMessageType.Text, true, ct);
        Assert.True((await ReceiveAsync(socket, buffer, ct)).GetProperty("success").GetBoolean());

        lock (sim.Market.Gate)
        {
            var account = sim.Accounts.Find(Key)!;
            var result = sim.Engine.Submit(account, new OrderRequest(MarketCategory.Linear, "BTCUSDT", SimSide.Buy, SimOrderType.Market, 0.01m), sim.Market.NowMs);
            Assert.Equal(0, result.RetCode);
            sim.AccountEvents.Flush(account, sim.Market.NowMs);
        }

        var frames = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        while (frames.Count < 5)
        {
            var frame = await ReceiveAsync(socket, buffer, deadline.Token);
            frames.TryAdd(frame.GetProperty("topic").GetString()!, frame);
        }

        JsonShape.AssertExactShape(FixtureFiles.BybitText("ws_execution.docs.json"), frames["execution"].ToString(), "$.data[0].extraFees");
        JsonShape.AssertExactShape(FixtureFiles.BybitText("ws_execution_fast.docs.json"), frames["execution.fast.linear"].ToString());
        JsonShape.AssertSameShape(FixtureFiles.BybitText("ws_order_linear_filled.gocryptotrader.json"), frames["order"].ToString());
        JsonShape.AssertExactShape(FixtureFiles.BybitText("ws_position.docs.json"), frames["position"].ToString());
        JsonShape.AssertExactShape(FixtureFiles.BybitText("ws_wallet.docs.json"), frames["wallet"].ToString());

        var order = frames["order"].GetProperty("data")[0];
        Assert.Equal("Filled", order.GetProperty("orderStatus").GetString());
        Assert.Equal("0.01", order.GetProperty("cumExecQty").GetString());
        var position = frames["position"].GetProperty("data")[0];
        Assert.Equal("Buy", position.GetProperty("side").GetString());
        Assert.Equal("0.01", position.GetProperty("size").GetString());
        var execution = frames["execution"].GetProperty("data")[0];
        Assert.Equal("0.00055", execution.GetProperty("feeRate").GetString());
        Assert.Equal("USDT", execution.GetProperty("feeCurrency").GetString());
    }
}
