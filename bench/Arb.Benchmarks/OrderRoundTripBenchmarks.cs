using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Arb.Bybit.Rest;
using Arb.Simulator;
using Arb.Simulator.Auth;
using BenchmarkDotNet.Attributes;

namespace Arb.Benchmarks;

/// <summary>
/// An order's round trip through the simulator over loopback: a signed REST <c>POST /v5/order/create</c> (a linear
/// market order, alternating buy and sell so the position stays small) until its execution arrives on the private
/// WebSocket. Target: median under 1 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OrderRoundTripBenchmarks
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);
    private SimulatorServer _server = null!;
    private HttpClient _http = null!;
    private ClientWebSocket _private = null!;
    private RequestSigner _signer = null!;
    private CancellationTokenSource _stop = null!;
    private Task _receiving = Task.CompletedTask;
    private long _orders;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task CreateOrderUntilExecutionPushed()
    {
        var n = Interlocked.Increment(ref _orders);
        var id = "rt-" + n.ToString(CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = done;
        var side = n % 2 == 0 ? "Sell" : "Buy";
        var body = $$"""{"category":"linear","symbol":"BTCUSDT","side":"{{side}}","orderType":"Market","qty":"0.001","orderLinkId":"{{id}}"}""";
        using var request = Signed(body);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!text.Contains("\"retCode\":0", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("order refused: " + text);
        }

        await done.Task;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        _private.Abort();
        _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        _private.Dispose();
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stop.Dispose();
    }

    private async Task SetupAsync()
    {
        // Bybit allows 10 orders a second per key; a load test must not be throttled by that.
        _server = await SimulatorServer.StartAsync(new SimulatorOptions { Symbols = ["BTCUSDT"], EnforceRateLimits = false });
        _http = new HttpClient { BaseAddress = _server.RestUri };
        _signer = new RequestSigner(SimCredentials.Sandbox.ApiSecret);
        _stop = new CancellationTokenSource();
        _private = new ClientWebSocket();
        await _private.ConnectAsync(new Uri(_server.WebSocketUri, "/v5/private"), CancellationToken.None);
        var expires = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 10_000;
        await SendAsync($$"""{"op":"auth","args":["{{SimCredentials.Sandbox.ApiKey}}",{{expires}},"{{_signer.SignWebSocketAuth(expires)}}"]}""");
        await SendAsync("""{"op":"subscribe","args":["execution"]}""");
        _receiving = Task.Run(ReceiveAsync);
        await CreateOrderUntilExecutionPushed(); // proves the whole path works before measuring
    }

    private HttpRequestMessage Signed(string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v5/order/create") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-BAPI-API-KEY", SimCredentials.Sandbox.ApiKey);
        request.Headers.Add("X-BAPI-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-BAPI-RECV-WINDOW", "5000");
        request.Headers.Add("X-BAPI-SIGN", _signer.SignRest(timestamp, SimCredentials.Sandbox.ApiKey, 5000, body));
        return request;
    }

    private Task SendAsync(string text) =>
        _private.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var filled = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _private.ReceiveAsync(buffer.AsMemory(filled), _stop.Token);
                    filled += result.Count;
                }
                while (!result.EndOfMessage);

                var text = Encoding.UTF8.GetString(buffer, 0, filled);
                var at = text.IndexOf("\"orderLinkId\":\"rt-", StringComparison.Ordinal);
                if (at >= 0 && text.Contains("\"topic\":\"execution\"", StringComparison.Ordinal))
                {
                    var start = at + "\"orderLinkId\":\"".Length;
                    var id = text[start..text.IndexOf('"', start)];
                    if (_waiting.TryRemove(id, out var done))
                    {
                        done.TrySetResult();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }
}
