using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Arb.IntegrationTests.Support;

/// <summary>
/// A loopback WebSocket server speaking Bybit's public-stream protocol from recorded frames: it answers
/// subscribe, unsubscribe and ping, and plays the recorded BTCUSDT order book (snapshot, the recorded delta,
/// then deltas that follow it) with a behaviour chosen per connection and subscription.
/// </summary>
internal sealed class FakeBybitStreamServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<string, int, int, StreamBehaviour> _script;
    private readonly ConcurrentDictionary<string, int> _connections = new();
    private readonly ConcurrentBag<long> _snapshotIds = [];

    /// <param name="script">Behaviour for (category, connection number from 1, subscription number from 1).</param>
    private FakeBybitStreamServer(WebApplication app, Func<string, int, int, StreamBehaviour> script, bool answerPings)
    {
        _app = app;
        _script = script;
        AnswerPings = answerPings;
    }

    /// <summary>False plays a server whose heartbeat answers are lost while data still flows.</summary>
    public bool AnswerPings { get; }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The update ids of every snapshot sent, so tests can tell a rebuilt book from a stale one.</summary>
    public IReadOnlyCollection<long> SnapshotIds => _snapshotIds;

    public int Connections(string category) => _connections.GetValueOrDefault(category);

    public static async Task<FakeBybitStreamServer> StartAsync(Func<string, int, int, StreamBehaviour> script, bool answerPings = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeBybitStreamServer(app, script, answerPings);
        app.UseWebSockets();
        app.Map("/v5/public/{category}", (Func<HttpContext, string, Task>)server.AcceptAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal));
        return server;
    }

    public Uri StreamUri(string category) => new(BaseUri, $"/v5/public/{category}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context, string category)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = _connections.AddOrUpdate(category, 1, (_, n) => n + 1);
        var session = new Session(this, socket, category, connection);
        await session.RunAsync(context.RequestAborted);
    }

    private sealed class Session(FakeBybitStreamServer server, WebSocket socket, string category, int connection)
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);
        private readonly CancellationTokenSource _closed = new();
        private CancellationTokenSource? _streaming;
        private int _subscriptions;

        public async Task RunAsync(CancellationToken aborted)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _closed.Token);
            var buffer = new byte[16 * 1024];
            try
            {
                while (!linked.IsCancellationRequested)
                {
                    var result = await socket.ReceiveAsync(buffer, linked.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    await HandleCommandAsync(buffer.AsMemory(0, result.Count), linked.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
            }
            finally
            {
                _streaming?.Cancel();
            }
        }

        private async Task HandleCommandAsync(ReadOnlyMemory<byte> json, CancellationToken ct)
        {
            using var doc = JsonDocument.Parse(json);
            var op = doc.RootElement.GetProperty("op").GetString();
            var reqId = doc.RootElement.TryGetProperty("req_id", out var id) ? id.GetString() : "";
            switch (op)
            {
                case "ping" when server.AnswerPings:
                    await SendAsync($$"""{"success":true,"ret_msg":"pong","conn_id":"c{{connection}}","req_id":"{{reqId}}","op":"ping"}""", ct);
                    break;
                case "subscribe":
                    await SendAsync($$"""{"success":true,"ret_msg":"","conn_id":"c{{connection}}","req_id":"{{reqId}}","op":"subscribe"}""", ct);
                    var topics = doc.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
                    if (topics.Any(t => t.StartsWith("orderbook.", StringComparison.Ordinal)))
                    {
                        var subscription = Interlocked.Increment(ref _subscriptions);
                        _streaming = CancellationTokenSource.CreateLinkedTokenSource(ct);
                        var behaviour = server._script(category, connection, subscription);
                        _ = Task.Run(() => StreamBookAsync(behaviour, subscription, _streaming.Token), CancellationToken.None);
                    }

                    break;
                case "unsubscribe":
                    if (_streaming is not null)
                    {
                        await _streaming.CancelAsync();
                    }

                    await SendAsync($$"""{"success":true,"ret_msg":"","conn_id":"c{{connection}}","req_id":"{{reqId}}","op":"unsubscribe"}""", ct);
                    break;
            }
        }

        private async Task StreamBookAsync(StreamBehaviour behaviour, int subscription, CancellationToken ct)
        {
            try
            {
                var recorded = RecordedBook.For(category);
                var first = connection == 1 && subscription == 1;

                // The first subscription plays the capture verbatim; later ones continue with fresh ids.
                var u = first ? recorded.SnapshotUpdateId : (connection * 1_000_000L) + (subscription * 10_000L);
                server._snapshotIds.Add(u);
                await SendAsync(recorded.SnapshotWithUpdateId(u), ct);
                if (first)
                {
                    u++;
                    await SendAsync(recorded.Delta, ct);
                }

                for (var n = 1; !ct.IsCancellationRequested; n++)
                {
                    await Task.Delay(10, ct);
                    if (n == 6 && behaviour == StreamBehaviour.DropAfterAFew)
                    {
                        socket.Abort(); // the connection dies without a close handshake
                        await _closed.CancelAsync();
                        return;
                    }

                    if (n >= 6 && behaviour == StreamBehaviour.SilentAfterAFew)
                    {
                        continue; // still connected, still answering pings, but no quotes
                    }

                    u += n == 8 && behaviour == StreamBehaviour.GapAfterAFew ? 2 : 1;
                    await SendAsync(recorded.SyntheticDelta(u, n), ct);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
            }
        }

        private async Task SendAsync(string text, CancellationToken ct)
        {
            await _sendLock.WaitAsync(ct);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }
}
