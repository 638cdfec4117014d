using System.Net.WebSockets;
using System.Text.Json;
using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Streams;

/// <summary>
/// One public WebSocket connection: answers subscribe, unsubscribe and ping in the shapes of its stream
/// (spot and linear differ), and sends the feed's frames in order.
/// </summary>
internal sealed class PublicStreamSession(WebSocket socket, PublicFeed feed, SimMarket market, string connectionId)
{
    private const int SpotMaxArgs = 10;
    private readonly StreamSubscriber _subscriber = new(connectionId);
    private readonly JsonFrames _frames = new();

    public WebSocket Socket => socket;

    public async Task RunAsync(CancellationToken ct)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sending = SendLoopAsync(closing.Token);
        try
        {
            var buffer = new byte[64 * 1024];
            while (!closing.IsCancellationRequested && !_subscriber.Overflowed)
            {
                var filled = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(filled), closing.Token);
                    filled += result.Count;
                }
                while (!result.EndOfMessage && filled < buffer.Length);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                Handle(buffer.AsSpan(0, filled));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            lock (market.Gate)
            {
                feed.Remove(_subscriber);
            }

            _subscriber.Close();
            await closing.CancelAsync();
            await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        await foreach (var frame in _subscriber.Outbox.ReadAllAsync(ct))
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);
        }

        if (_subscriber.Overflowed)
        {
            socket.Abort(); // too slow a reader: cut it off rather than buffer without bound
        }
    }

    private void Handle(ReadOnlySpan<byte> json)
    {
        string? op = null;
        string? requestId = null;
        var args = new List<string>();
        try
        {
            var reader = new Utf8JsonReader(json);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            op = root.TryGetProperty("op", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            requestId = root.TryGetProperty("req_id", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            if (root.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Array)
            {
                args.AddRange(a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }
        }
        catch (JsonException)
        {
            Reply(op: "", success: false, message: "error:request not json", requestId: null);
            return;
        }

        switch (op)
        {
            case "ping":
                Reply("ping", success: true, message: "pong", requestId);
                break;
            case "subscribe":
                Subscribe(args, requestId);
                break;
            case "unsubscribe":
                lock (market.Gate)
                {
                    foreach (var topic in args)
                    {
                        feed.Unsubscribe(_subscriber, topic);
                    }
                }

                Reply("unsubscribe", success: true, message: feed.Category == MarketCategory.Spot ? "unsubscribe" : "", requestId);
                break;
            default:
                Reply(op ?? "", success: false, message: $"error:unknown op {op}", requestId);
                break;
        }
    }

    private void Subscribe(List<string> topics, string? requestId)
    {
        if (feed.Category == MarketCategory.Spot && topics.Count > SpotMaxArgs)
        {
            Reply("subscribe", success: false, message: $"error:args size >{SpotMaxArgs}", requestId);
            return;
        }

        // The answer, then each snapshot, all under the gate: no delta can slip in between.
        lock (market.Gate)
        {
            string? error = null;
            var snapshots = new List<byte[]>();
            foreach (var topic in topics)
            {
                if (!feed.Subscribe(_subscriber, topic, out var snapshot, out var topicError))
                {
                    error ??= topicError;
                }
                else if (snapshot is not null)
                {
                    snapshots.Add(snapshot);
                }
            }

            Reply("subscribe", error is null, error ?? (feed.Category == MarketCategory.Spot ? "subscribe" : ""), requestId);
            snapshots.ForEach(_subscriber.Send);
        }
    }

    // Spot answers omit req_id unless one was sent; linear always carries it ("" when absent).
    private void Reply(string op, bool success, string message, string? requestId)
    {
        var w = _frames.Begin();
        w.WriteStartObject();
        w.WriteBoolean("success", success);
        w.WriteString("ret_msg", message);
        w.WriteString("conn_id", _subscriber.ConnectionId);
        if (requestId is not null || feed.Category == MarketCategory.Linear)
        {
            w.WriteString("req_id", requestId ?? "");
        }

        w.WriteString("op", op);
        w.WriteEndObject();
        var frame = _frames.End();

        // Answers go through the same queue as data so they stay in order with the snapshot they announce.
        lock (market.Gate)
        {
            _subscriber.Send(frame);
        }
    }

    internal static string NewConnectionId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..20];

}
