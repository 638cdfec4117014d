using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Arb.Simulator.Auth;

namespace Arb.Simulator.Streams;

/// <summary>
/// One <c>/v5/private</c> connection: <c>auth</c> with an expiry and the HMAC of <c>"GET/realtime" + expires</c>,
/// then subscribe to the account topics, and <c>ping</c> answered with the private stream's <c>op:"pong"</c> shape.
/// </summary>
internal sealed class PrivateStreamSession(WebSocket socket, CredentialStore credentials, TimeProvider exchangeClock, string connectionId)
{
    /// <summary>The account topics Bybit serves, all-in-one or per category.</summary>
    public static readonly IReadOnlySet<string> Topics = new HashSet<string>(StringComparer.Ordinal)
    {
        "order", "order.spot", "order.linear",
        "execution", "execution.spot", "execution.linear",
        "execution.fast", "execution.fast.spot", "execution.fast.linear",
        "position", "position.linear",
        "wallet",
    };

    private readonly StreamSubscriber _subscriber = new(connectionId);
    private readonly JsonFrames _frames = new();
    private readonly HashSet<string> _subscribed = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public WebSocket Socket => socket;

    /// <summary>The authenticated caller, or null before a successful <c>auth</c>.</summary>
    public SimCredentials? Caller { get; private set; }

    public bool IsSubscribed(string topic)
    {
        lock (_lock)
        {
            return _subscribed.Contains(topic);
        }
    }

    /// <summary>Queues a frame for this connection.</summary>
    public void Send(byte[] frame) => _subscriber.Send(frame);

    public async Task RunAsync(CancellationToken ct)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sending = SendLoopAsync(closing.Token);
        try
        {
            var buffer = new byte[16 * 1024];
            while (!closing.IsCancellationRequested && !_subscriber.Overflowed)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (result.EndOfMessage)
                {
                    Handle(buffer.AsSpan(0, result.Count));
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
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
            socket.Abort();
        }
    }

    private void Handle(ReadOnlySpan<byte> json)
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(json);
            root = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            Reply("", success: false, "Params Error", requestId: null);
            return;
        }

        var op = root.TryGetProperty("op", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() ?? "" : "";
        var requestId = root.TryGetProperty("req_id", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var args = root.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [];
        switch (op)
        {
            case "auth":
                Authenticate(args, requestId);
                break;
            case "ping":
                Pong(requestId);
                break;
            case "subscribe" or "unsubscribe":
                Subscribe(op, args, requestId);
                break;
            default:
                Reply(op, success: false, "Params Error", requestId);
                break;
        }
    }

    // args: [apiKey, expires (ms, a number), signature]
    private void Authenticate(List<JsonElement> args, string? requestId)
    {
        if (args.Count != 3 || args[0].ValueKind != JsonValueKind.String || args[2].ValueKind != JsonValueKind.String
            || !TryExpires(args[1], out var expires))
        {
            Reply("auth", success: false, "Params Error", requestId);
            return;
        }

        if (expires <= exchangeClock.GetUtcNow().ToUnixTimeMilliseconds())
        {
            Reply("auth", success: false, "Params Error: expires is in the past", requestId);
            return;
        }

        if (!credentials.TryGet(args[0].GetString()!, out var caller))
        {
            Reply("auth", success: false, "Invalid apikey", requestId);
            return;
        }

        var expected = HmacSignature.Compute(caller.ApiSecret, "GET/realtime" + expires.ToString(CultureInfo.InvariantCulture));
        if (!HmacSignature.Matches(expected, args[2].GetString()))
        {
            Reply("auth", success: false, "Invalid sign", requestId);
            return;
        }

        Caller = caller;
        Reply("auth", success: true, "", requestId);
    }

    private static bool TryExpires(JsonElement value, out long expires) =>
        value.ValueKind == JsonValueKind.Number ? value.TryGetInt64(out expires)
        : long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out expires);

    private void Subscribe(string op, List<JsonElement> args, string? requestId)
    {
        if (Caller is null)
        {
            Reply(op, success: false, "Request not authorized", requestId);
            return;
        }

        var topics = args.Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList();
        var unknown = topics.FirstOrDefault(t => !Topics.Contains(t));
        if (unknown is not null || topics.Count == 0)
        {
            Reply(op, success: false, $"error:handler not found,topic:{unknown}", requestId);
            return;
        }

        lock (_lock)
        {
            foreach (var topic in topics)
            {
                if (op == "subscribe")
                {
                    _subscribed.Add(topic);
                }
                else
                {
                    _subscribed.Remove(topic);
                }
            }
        }

        Reply(op, success: true, "", requestId);
    }

    // The private stream answers a ping with op "pong" and the server time in args.
    private void Pong(string? requestId)
    {
        var w = _frames.Begin();
        w.WriteStartObject();
        w.WriteString("req_id", requestId ?? "");
        w.WriteString("op", "pong");
        w.WriteStartArray("args");
        w.WriteStringValue(exchangeClock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        w.WriteEndArray();
        w.WriteString("conn_id", _subscriber.ConnectionId);
        w.WriteEndObject();
        _subscriber.Send(_frames.End());
    }

    private void Reply(string op, bool success, string message, string? requestId)
    {
        var w = _frames.Begin();
        w.WriteStartObject();
        w.WriteBoolean("success", success);
        w.WriteString("ret_msg", message);
        w.WriteString("op", op);
        w.WriteString("conn_id", _subscriber.ConnectionId);
        if (requestId is not null)
        {
            w.WriteString("req_id", requestId);
        }

        w.WriteEndObject();
        _subscriber.Send(_frames.End());
    }
}
