using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Arb.Simulator;
using Arb.Simulator.Market;
using Arb.UnitTests.Support;

namespace Arb.IntegrationTests.Simulator;

/// <summary>Every frame the simulator's public streams send has the key set and value types of Bybit's own.</summary>
public sealed class SimulatorWireShapeTests
{
    private static string Fixture(string name) => FixtureFiles.BybitText(name);

    private static async Task<List<string>> ConverseAsync(SimulatorServer sim, string category, IEnumerable<string> requests, Func<List<string>, bool> enough)
    {
        using var socket = new ClientWebSocket();
        var ct = TestContext.Current.CancellationToken;
        await socket.ConnectAsync(new Uri(sim.WebSocketUri, $"/v5/public/{category}"), ct);
        foreach (var request in requests)
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(request), WebSocketMessageType.Text, true, ct);
        }

        var frames = new List<string>();
        var buffer = new byte[1 << 20];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(15));
        while (!enough(frames))
        {
            var filled = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(filled), deadline.Token);
                filled += result.Count;
            }
            while (!result.EndOfMessage);

            frames.Add(Encoding.UTF8.GetString(buffer, 0, filled));
        }

        return frames;
    }

    private static bool Has(string frame, string key, string value) =>
        JsonDocument.Parse(frame).RootElement.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() == value;

    private static bool BothSidesFilled(string frame)
    {
        var data = JsonDocument.Parse(frame).RootElement.GetProperty("data");
        return data.GetProperty("b").GetArrayLength() > 0 && data.GetProperty("a").GetArrayLength() > 0;
    }

    [Fact]
    public async Task Spot_answers_and_book_frames_match_bybits()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Market = new SimMarketOptions { Step = TimeSpan.FromMilliseconds(20) } }, ct: TestContext.Current.CancellationToken);
        var frames = await ConverseAsync(
            sim,
            "spot",
            ["""{"req_id":"10001","op":"subscribe","args":["orderbook.50.BTCUSDT"]}""", """{"op":"ping"}"""],
            f => f.Any(x => Has(x, "ret_msg", "pong")) && f.Any(x => Has(x, "type", "delta") && BothSidesFilled(x)));

        JsonShape.AssertExactShape(Fixture("ws_subscribe_response_public_spot.docs.json"), frames.First(f => Has(f, "op", "subscribe")));
        JsonShape.AssertExactShape(Fixture("ws_pong_public_spot.docs.json"), frames.First(f => Has(f, "ret_msg", "pong")));
        JsonShape.AssertExactShape(Fixture("ws_orderbook_spot_snapshot.gocryptotrader.json"), frames.First(f => Has(f, "type", "snapshot")));
        JsonShape.AssertExactShape(Fixture("ws_orderbook_spot_delta.gocryptotrader.json"), frames.First(f => Has(f, "type", "delta") && BothSidesFilled(f)));
    }

    [Fact]
    public async Task Linear_answers_book_and_ticker_frames_match_bybits()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Market = new SimMarketOptions { Step = TimeSpan.FromMilliseconds(20) } }, ct: TestContext.Current.CancellationToken);
        var frames = await ConverseAsync(
            sim,
            "linear",
            ["""{"op":"subscribe","args":["orderbook.50.BTCUSDT","tickers.BTCUSDT","publicTrade.BTCUSDT"]}""", """{"op":"ping"}"""],
            f => f.Any(x => Has(x, "ret_msg", "pong"))
                && f.Any(x => Has(x, "topic", "publicTrade.BTCUSDT"))
                && f.Any(x => Has(x, "topic", "orderbook.50.BTCUSDT") && Has(x, "type", "delta") && BothSidesFilled(x))
                && f.Any(x => Has(x, "topic", "tickers.BTCUSDT") && Has(x, "type", "delta")));

        JsonShape.AssertExactShape(Fixture("ws_subscribe_response_public_linear.docs.json"), frames.First(f => Has(f, "op", "subscribe")));
        JsonShape.AssertExactShape(Fixture("ws_pong_public_linear.docs.json"), frames.First(f => Has(f, "ret_msg", "pong")));
        JsonShape.AssertExactShape(Fixture("ws_orderbook_linear_snapshot.thirdparty.json"), frames.First(f => Has(f, "topic", "orderbook.50.BTCUSDT") && Has(f, "type", "snapshot")));
        JsonShape.AssertExactShape(Fixture("ws_orderbook_linear_delta.thirdparty.json"), frames.First(f => Has(f, "type", "delta") && Has(f, "topic", "orderbook.50.BTCUSDT") && BothSidesFilled(f)));
        JsonShape.AssertExactShape(Fixture("ws_tickers_linear_snapshot.docs.json"), frames.First(f => Has(f, "topic", "tickers.BTCUSDT") && Has(f, "type", "snapshot")));
        JsonShape.AssertExactShape(Fixture("ws_public_trade.docs.json"), frames.First(f => Has(f, "topic", "publicTrade.BTCUSDT")));

        // A delta carries only changed fields, so it is checked one way: everything it has is in the snapshot, with the same type.
        var delta = frames.First(f => Has(f, "topic", "tickers.BTCUSDT") && Has(f, "type", "delta"));
        JsonShape.AssertSameShape(delta, Fixture("ws_tickers_linear_snapshot.docs.json"));
    }

    [Fact]
    public async Task A_refused_subscribe_answers_like_bybit()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions(), ct: TestContext.Current.CancellationToken);
        var frames = await ConverseAsync(sim, "linear", ["""{"req_id":"7","op":"subscribe","args":["orderbook.25.BTCUSDT"]}"""], f => f.Count >= 1);

        var answer = JsonDocument.Parse(frames[0]).RootElement;
        Assert.False(answer.GetProperty("success").GetBoolean());
        Assert.Equal("error:handler not found,topic:orderbook.25.BTCUSDT", answer.GetProperty("ret_msg").GetString());
        Assert.Equal("7", answer.GetProperty("req_id").GetString());
        Assert.Equal("subscribe", answer.GetProperty("op").GetString());
    }
}
