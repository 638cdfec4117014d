using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Arb.Bybit.Parsing;
using Arb.Bybit.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Arb.Bybit.Streams;

/// <summary>
/// The Bybit private WebSocket connection, kept alive for as long as <see cref="RunAsync"/> runs: authenticates,
/// subscribes the account topics, pings every <see cref="PrivateStreamOptions.PingInterval"/>, and restarts with
/// capped exponential backoff when the connection drops, a ping goes unanswered or auth is refused. Frames are
/// parsed here (they are few) and go to one consumer as domain events, framed by
/// <see cref="PrivateStreamEventKind.Authenticated"/> and <see cref="PrivateStreamEventKind.ConnectionLost"/> so the
/// consumer knows when pushes may have been missed. Mirrors <see cref="PublicStreamClient"/>'s loop, minus the
/// market-data liveness and resync machinery the private stream has no use for.
/// </summary>
public sealed partial class PrivateStreamClient
{
    private readonly PrivateStreamOptions _options;
    private readonly ChannelWriter<PrivateStreamEvent> _output;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RequestSigner _signer;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _authenticated;
    private int _requestCounter;

    public PrivateStreamClient(
        PrivateStreamOptions options,
        ChannelWriter<PrivateStreamEvent> output,
        TimeProvider? time = null,
        ILogger? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _signer = new RequestSigner(options.Credentials.ApiSecret);
    }

    public PrivateStreamStats Stats { get; } = new();

    /// <summary>True between an accepted auth with all subscriptions confirmed and the loss of that connection.</summary>
    public bool IsAuthenticated => Volatile.Read(ref _authenticated) == 1;

    /// <summary>Connects and reconnects until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct = default)
    {
        var failures = 0;
        var firstAttempt = true;
        while (!ct.IsCancellationRequested)
        {
            if (!firstAttempt)
            {
                Stats.CountReconnect();
                var delay = BackoffDelay(failures);
                LogReconnecting(delay.TotalMilliseconds, Stats.Reconnects);
                try
                {
                    await Task.Delay(delay, _time, ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            firstAttempt = false;
            var connection = new ConnectionState();
            var reason = await RunConnectionAsync(connection, ct);
            var wasAuthenticated = Interlocked.Exchange(ref _authenticated, 0) == 1;
            failures = wasAuthenticated ? 0 : failures + 1; // a healthy session starts the backoff again
            if (ct.IsCancellationRequested)
            {
                break;
            }

            LogConnectionLost(reason);
            if (wasAuthenticated)
            {
                try
                {
                    await _output.WriteAsync(new PrivateStreamEvent(PrivateStreamEventKind.ConnectionLost, null, _time.GetTimestamp(), reason), ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    // The REST client's capped exponential backoff, without its jitter: one bot, one connection per stream.
    internal TimeSpan BackoffDelay(int failures) =>
        new Rest.RetryBackoff(_options.ReconnectDelayMin, _options.ReconnectDelayMax).Ceiling(failures);

    /// <summary>The auth request: key, expiry on the exchange's clock, and the signature of <c>GET/realtime{expires}</c>.</summary>
    internal string AuthRequest()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() + (_options.ClockOffsetMs?.Invoke() ?? 0);
        var expires = now + (long)_options.AuthExpiry.TotalMilliseconds;
        var args = new object[] { _options.Credentials.ApiKey, expires, _signer.SignWebSocketAuth(expires) };
        return Command("auth", args);
    }

    private string Command(string op, object[] args)
    {
        var id = Interlocked.Increment(ref _requestCounter).ToString(CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["req_id"] = $"{op}-{id}", ["op"] = op, ["args"] = args });
    }

    private async Task<string> RunConnectionAsync(ConnectionState state, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // Bybit wants its own JSON ping, sent below
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(connection.Token))
            {
                connectTimeout.CancelAfter(_options.ConnectTimeout);
                await socket.ConnectAsync(_options.Endpoint, connectTimeout.Token);
            }

            LogConnected(_options.Endpoint.ToString());
            await SendAsync(socket, AuthRequest(), connection.Token);
            var watchdog = WatchAsync(socket, state, connection);
            try
            {
                await ReceiveAsync(socket, state, connection.Token);
            }
            finally
            {
                await connection.CancelAsync();
                await watchdog.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            return state.Reason ?? "closed";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return "shutdown";
        }
        catch (OperationCanceledException)
        {
            return state.Reason ?? "connect timeout";
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or InvalidOperationException or HttpRequestException)
        {
            return state.Reason ?? ex.Message;
        }
        finally
        {
            socket.Abort();
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, ConnectionState state, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        while (!ct.IsCancellationRequested)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var result = await socket.ReceiveAsync(buffer.AsMemory(filled), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                state.Fail("closed by the server");
                return;
            }

            filled += result.Count;
            if (!result.EndOfMessage)
            {
                continue;
            }

            Stats.CountMessage();
            var message = PrivateMessageParser.Parse(buffer.AsSpan(0, filled));
            filled = 0;
            if (!await HandleAsync(socket, state, message, ct))
            {
                return;
            }
        }
    }

    // False ends the connection (auth or subscribe refused).
    private async Task<bool> HandleAsync(ClientWebSocket socket, ConnectionState state, PrivateMessage message, CancellationToken ct)
    {
        switch (message.Kind)
        {
            case PrivateMessageKind.Malformed:
                Stats.CountMalformed();
                LogMalformed(message.Message);
                return true;
            case PrivateMessageKind.Pong:
                state.Pong(_time.GetTimestamp());
                return true;
            case PrivateMessageKind.AuthResponse when !message.Success:
                Stats.CountAuthFailure();
                LogAuthRefused(message.Message);
                state.Fail($"auth refused: {message.Message}");
                return false;
            case PrivateMessageKind.AuthResponse:
                state.PendingAcks = _options.Topics.Count == 0 ? 0 : 1;
                if (state.PendingAcks == 0)
                {
                    await OnLiveAsync(state, ct);
                }
                else
                {
                    await SendAsync(socket, Command("subscribe", [.. _options.Topics]), ct);
                }

                return true;
            case PrivateMessageKind.SubscribeResponse when !message.Success:
                LogSubscribeRefused(message.Message);
                state.Fail($"subscribe refused: {message.Message}");
                return false;
            case PrivateMessageKind.SubscribeResponse:
                if (--state.PendingAcks == 0)
                {
                    await OnLiveAsync(state, ct);
                }

                return true;
            case PrivateMessageKind.Data:
                Stats.CountMalformed(message.MalformedRows);
                Stats.CountIgnored(message.IgnoredRows);
                var now = _time.GetTimestamp();
                foreach (var e in message.Events)
                {
                    await _output.WriteAsync(new PrivateStreamEvent(PrivateStreamEventKind.Account, e, now), ct);
                }

                return true;
            default:
                return true;
        }
    }

    private async Task OnLiveAsync(ConnectionState state, CancellationToken ct)
    {
        state.Live = true;
        LogAuthenticated(string.Join(',', _options.Topics));
        await _output.WriteAsync(new PrivateStreamEvent(PrivateStreamEventKind.Authenticated, null, _time.GetTimestamp()), ct);
        Volatile.Write(ref _authenticated, 1);
    }

    // Ends a connection that does not authenticate in time, and pings a live one, ending it when pings go unanswered.
    private async Task WatchAsync(ClientWebSocket socket, ConnectionState state, CancellationTokenSource connection)
    {
        var ct = connection.Token;
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(_options.PongTimeout.TotalMilliseconds / 10, 10, 1000));
        var connectedAt = _time.GetTimestamp();
        var lastPing = connectedAt;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(tick, _time, ct);
                if (!state.Live)
                {
                    if (_time.GetElapsedTime(connectedAt) >= _options.AuthTimeout)
                    {
                        Stats.CountAuthFailure();
                        state.Fail($"no auth or subscribe answer within {_options.AuthTimeout.TotalSeconds:0.###} s");
                        break;
                    }

                    continue;
                }

                var pingSentAt = state.PingSentAt;
                var pingOutstanding = pingSentAt != 0 && state.LastPong < pingSentAt;
                if (pingOutstanding && _time.GetElapsedTime(pingSentAt) >= _options.PongTimeout)
                {
                    Stats.CountPongTimeout();
                    state.Fail($"no pong within {_options.PongTimeout.TotalSeconds:0.###} s");
                    break;
                }

                // The unanswered ping keeps its send time: a newer ping must not restart the pong deadline.
                if (!pingOutstanding && _time.GetElapsedTime(lastPing) >= _options.PingInterval)
                {
                    lastPing = _time.GetTimestamp();
                    state.PingSentAt = lastPing;
                    var id = Interlocked.Increment(ref _requestCounter);
                    await SendAsync(socket, $"{{\"req_id\":\"ping-{id}\",\"op\":\"ping\"}}", ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or InvalidOperationException)
        {
            state.Fail($"send failed: {ex.Message}");
        }

        await connection.CancelAsync();
    }

    private async Task SendAsync(ClientWebSocket socket, string json, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "private stream connected to {Endpoint}")]
    private partial void LogConnected(string endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "private stream authenticated, subscribed to {Topics}")]
    private partial void LogAuthenticated(string topics);

    [LoggerMessage(Level = LogLevel.Error, Message = "private stream auth refused by the exchange: {RetMsg}")]
    private partial void LogAuthRefused(string retMsg);

    [LoggerMessage(Level = LogLevel.Error, Message = "private stream subscribe refused by the exchange: {RetMsg}")]
    private partial void LogSubscribeRefused(string retMsg);

    [LoggerMessage(Level = LogLevel.Warning, Message = "private stream frame skipped: {Error}")]
    private partial void LogMalformed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "private stream lost: {Reason}")]
    private partial void LogConnectionLost(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "private stream reconnecting in {DelayMs} ms (reconnect #{Count})")]
    private partial void LogReconnecting(double delayMs, long count);
}
