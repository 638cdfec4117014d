using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Arb.Domain.Market;
using Microsoft.Extensions.Logging.Abstractions;

namespace Arb.Bybit.Streams;

/// <summary>
/// One Bybit public WebSocket connection (spot or linear), kept alive for as long as <see cref="RunAsync"/> runs:
/// subscribes to the book (and ticker) topics, pings every <see cref="PublicStreamOptions.PingInterval"/>,
/// and restarts the connection, with capped exponential backoff, when it drops, when a ping goes unanswered,
/// when no quote arrives within the liveness timeout, or when a requested book resync does not complete.
/// Frames go unparsed to one consumer through a channel; the consumer reports quotes and pongs back
/// (<see cref="OnQuote"/>, <see cref="OnPong"/>) because it is the one that parses them.
/// </summary>
public sealed partial class PublicStreamClient
{
    private readonly PublicStreamOptions _options;
    private readonly ChannelWriter<StreamFrame> _output;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<string> _resyncRequests = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, long> _pendingResyncs = [];
    private readonly Lock _pendingLock = new();
    private long _lastQuote;
    private long _lastPong;
    private long _pingSentAt;
    private int _pingCounter;

    public PublicStreamClient(
        PublicStreamOptions options,
        ChannelWriter<StreamFrame> output,
        TimeProvider? time = null,
        ILogger? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        Stats = new PublicStreamStats(options.Category.ToWireName());
    }

    public PublicStreamStats Stats { get; }

    public PublicStreamOptions Options => _options;

    /// <summary>The consumer saw a quote of this stream: the connection is alive.</summary>
    public void OnQuote() => Volatile.Write(ref _lastQuote, _time.GetTimestamp());

    /// <summary>The consumer saw the answer to a ping.</summary>
    public void OnPong() => Volatile.Write(ref _lastPong, _time.GetTimestamp());

    /// <summary>
    /// Asks for a fresh snapshot of a symbol's book (after a gap): unsubscribe and subscribe its book topic.
    /// If no snapshot completes the resync within the liveness timeout, the connection is restarted.
    /// </summary>
    public void RequestResync(string symbol)
    {
        lock (_pendingLock)
        {
            if (!_pendingResyncs.TryAdd(symbol, _time.GetTimestamp()))
            {
                return; // one request in flight is enough
            }
        }

        Stats.CountResync();
        _resyncRequests.Writer.TryWrite(symbol);
    }

    /// <summary>A snapshot arrived for the symbol: any pending resync is done.</summary>
    public void OnSnapshot(string symbol)
    {
        lock (_pendingLock)
        {
            _pendingResyncs.Remove(symbol);
        }
    }

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
                LogReconnecting(Stats.Stream, delay.TotalMilliseconds, Stats.Reconnects);
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
            var (reason, receivedQuotes) = await RunConnectionAsync(ct);
            failures = receivedQuotes ? 0 : failures + 1;
            lock (_pendingLock)
            {
                _pendingResyncs.Clear(); // a new connection resubscribes everything
            }

            if (ct.IsCancellationRequested)
            {
                break; // shutting down: the consumer is stopping too
            }

            // Tell the consumer before anything from the next connection: its books are stale now.
            LogConnectionLost(Stats.Stream, reason);
            try
            {
                await _output.WriteAsync(new StreamFrame(_options.Category, StreamFrameKind.ConnectionLost, null, 0, _time.GetTimestamp(), reason), ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    // The REST client's capped exponential backoff, without its jitter: one bot, one connection per stream.
    internal TimeSpan BackoffDelay(int failures) =>
        new Rest.RetryBackoff(_options.ReconnectDelayMin, _options.ReconnectDelayMax).Ceiling(failures);

    private async Task<(string Reason, bool ReceivedQuotes)> RunConnectionAsync(CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // Bybit wants its own JSON ping, sent below
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var start = _time.GetTimestamp();
        var state = new ConnectionState();
        Volatile.Write(ref _lastQuote, start);
        Volatile.Write(ref _lastPong, start);
        Volatile.Write(ref _pingSentAt, 0);

        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(connection.Token))
            {
                connectTimeout.CancelAfter(_options.ConnectTimeout);
                await socket.ConnectAsync(_options.Endpoint, connectTimeout.Token);
            }

            LogConnected(Stats.Stream, _options.Endpoint.ToString());
            await SubscribeAsync(socket, "subscribe", _options.Topics(), connection.Token);

            var watchdog = WatchAsync(socket, state, connection);
            var resyncs = ServeResyncsAsync(socket, connection.Token);
            try
            {
                await ReceiveAsync(socket, state, connection.Token);
            }
            finally
            {
                await connection.CancelAsync();
                await Task.WhenAll(watchdog, resyncs).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            return (state.Reason ?? "closed", ReceivedQuotesSince(start));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ("shutdown", ReceivedQuotesSince(start));
        }
        catch (OperationCanceledException)
        {
            return (state.Reason ?? "connect timeout", ReceivedQuotesSince(start));
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or InvalidOperationException or System.Net.Http.HttpRequestException)
        {
            return (state.Reason ?? ex.Message, ReceivedQuotesSince(start));
        }
        finally
        {
            socket.Abort();
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, ConnectionState state, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
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

                var frame = ArrayPool<byte>.Shared.Rent(filled);
                buffer.AsSpan(0, filled).CopyTo(frame);
                Stats.CountMessage();
                await _output.WriteAsync(new StreamFrame(_options.Category, StreamFrameKind.Data, frame, filled, _time.GetTimestamp()), ct);
                filled = 0;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Sends pings and ends the connection when it stops answering or stops quoting.
    private async Task WatchAsync(ClientWebSocket socket, ConnectionState state, CancellationTokenSource connection)
    {
        var ct = connection.Token;
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(
            Math.Min(_options.LivenessTimeout.TotalMilliseconds, _options.PingInterval.TotalMilliseconds) / 10, 10, 1000));
        var lastPing = _time.GetTimestamp();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(tick, _time, ct);
                var lastQuote = Volatile.Read(ref _lastQuote);
                if (_time.GetElapsedTime(lastQuote) >= _options.LivenessTimeout)
                {
                    Stats.CountLivenessRestart();
                    state.Fail($"no quote for {_options.LivenessTimeout.TotalSeconds:0.###} s");
                    break;
                }

                var pingSentAt = Volatile.Read(ref _pingSentAt);
                var pingOutstanding = pingSentAt != 0 && Volatile.Read(ref _lastPong) < pingSentAt;
                if (pingOutstanding && _time.GetElapsedTime(pingSentAt) >= _options.PongTimeout)
                {
                    Stats.CountPongTimeout();
                    state.Fail($"no pong within {_options.PongTimeout.TotalSeconds:0.###} s");
                    break;
                }

                if (OldestPendingResyncAge() >= _options.LivenessTimeout)
                {
                    state.Fail("book resync did not complete");
                    break;
                }

                // The unanswered ping keeps its send time: a newer ping must not restart the pong deadline.
                if (!pingOutstanding && _time.GetElapsedTime(lastPing) >= _options.PingInterval)
                {
                    lastPing = _time.GetTimestamp();
                    Volatile.Write(ref _pingSentAt, lastPing);
                    var id = Interlocked.Increment(ref _pingCounter);
                    await SendAsync(socket, Encoding.UTF8.GetBytes($"{{\"req_id\":\"ping-{id}\",\"op\":\"ping\"}}"), ct);
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

    // A connection that delivered quotes was healthy: the next reconnect starts again from the shortest delay.
    private bool ReceivedQuotesSince(long start) => Volatile.Read(ref _lastQuote) > start;

    private TimeSpan OldestPendingResyncAge()
    {
        lock (_pendingLock)
        {
            var oldest = TimeSpan.Zero;
            foreach (var requestedAt in _pendingResyncs.Values)
            {
                var age = _time.GetElapsedTime(requestedAt);
                if (age > oldest)
                {
                    oldest = age;
                }
            }

            return oldest;
        }
    }

    private async Task ServeResyncsAsync(ClientWebSocket socket, CancellationToken ct)
    {
        try
        {
            while (await _resyncRequests.Reader.WaitToReadAsync(ct))
            {
                while (_resyncRequests.Reader.TryRead(out var symbol))
                {
                    string[] topic = [_options.BookTopic(symbol)];
                    LogResync(Stats.Stream, symbol);
                    await SubscribeAsync(socket, "unsubscribe", topic, ct);
                    await SubscribeAsync(socket, "subscribe", topic, ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or InvalidOperationException)
        {
            // The receive loop sees the broken socket and restarts the connection.
        }
    }

    private async Task SubscribeAsync(ClientWebSocket socket, string op, IReadOnlyList<string> topics, CancellationToken ct)
    {
        for (var i = 0; i < topics.Count; i += _options.MaxTopicsPerRequest)
        {
            var batch = topics.Skip(i).Take(_options.MaxTopicsPerRequest);
            var json = new StringBuilder();
            json.Append("{\"req_id\":\"").Append(op).Append('-').Append(i).Append("\",\"op\":\"").Append(op).Append("\",\"args\":[");
            json.AppendJoin(',', batch.Select(t => $"\"{t}\""));
            json.Append("]}");
            await SendAsync(socket, Encoding.UTF8.GetBytes(json.ToString()), ct);
        }
    }

    private async Task SendAsync(ClientWebSocket socket, byte[] payload, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private sealed class ConnectionState
    {
        private string? _reason;

        public string? Reason => Volatile.Read(ref _reason);

        // The first cause wins: later errors are consequences of the restart.
        public void Fail(string reason) => Interlocked.CompareExchange(ref _reason, reason, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Stream} stream connected to {Endpoint}")]
    private partial void LogConnected(string stream, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Stream} stream lost: {Reason}")]
    private partial void LogConnectionLost(string stream, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Stream} stream reconnecting in {DelayMs} ms (reconnect #{Count})")]
    private partial void LogReconnecting(string stream, double delayMs, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Stream} book of {Symbol} is stale: resubscribing for a fresh snapshot")]
    private partial void LogResync(string stream, string symbol);
}
