using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Arb.Bybit.Rest;
using Arb.Simulator;
using Arb.UnitTests.Support;

namespace Arb.IntegrationTests.Simulator;

/// <summary>The private stream's handshake: auth signed with the bot's own signer, subscribe, ping.</summary>
public sealed class SimulatorPrivateStreamTests
{
    private const string Key = "arbbot-sim-key";
    private const string Secret = "arbbot-sim-secret";

    private static async Task<List<JsonElement>> ConverseAsync(SimulatorServer sim, params string[] requests)
    {
        var ct = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(sim.WebSocketUri, "/v5/private"), ct);
        var answers = new List<JsonElement>();
        var buffer = new byte[64 * 1024];
        foreach (var request in requests)
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(request), WebSocketMessageType.Text, true, ct);
            var result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
            answers.Add(JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone());
        }

        return answers;
    }

    private static string Auth(string secret, long expires) =>
        $$"""{"req_id":"a1","op":"auth","args":["{{Key}}",{{expires}},"{{new RequestSigner(secret).SignWebSocketAuth(expires)}}"]}""";

    private static long InOneSecond => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000;

    [Fact]
    public async Task Auth_subscribe_and_ping_answer_in_the_private_streams_shapes()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions(), ct: TestContext.Current.CancellationToken);

        var answers = await ConverseAsync(
            sim,
            Auth(Secret, InOneSecond),
            """{"op":"subscribe","args":["order","execution","position","wallet"]}""",
            """{"req_id":"test","op":"ping"}""");

        Assert.True(answers[0].GetProperty("success").GetBoolean(), answers[0].ToString());
        JsonShape.AssertSameShape(FixtureFiles.BybitText("ws_auth_response.docs.json"), answers[0].ToString());
        Assert.True(answers[1].GetProperty("success").GetBoolean());
        JsonShape.AssertExactShape(FixtureFiles.BybitText("ws_subscribe_response_private.docs.json"), answers[1].ToString());
        JsonShape.AssertExactShape(FixtureFiles.BybitText("ws_pong_private.docs.json"), answers[2].ToString());
        Assert.Equal("pong", answers[2].GetProperty("op").GetString());
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("expired")]
    public async Task A_bad_signature_or_an_expired_auth_is_refused_and_subscribing_stays_closed(string what)
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions(), ct: TestContext.Current.CancellationToken);
        var auth = what == "expired" ? Auth(Secret, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 5_000) : Auth("not-the-secret", InOneSecond);

        var answers = await ConverseAsync(sim, auth, """{"op":"subscribe","args":["order"]}""");

        Assert.False(answers[0].GetProperty("success").GetBoolean());
        JsonShape.AssertExactShape(FixtureFiles.BybitText("ws_auth_failure.issue.json"), answers[0].ToString(), "$.req_id");
        Assert.False(answers[1].GetProperty("success").GetBoolean());
    }
}
