namespace Arb.Bybit.Streams;

/// <summary>
/// Counters of one stream connection, safe to read from any thread. The metrics exporter publishes them
/// (<see cref="Reconnects"/> is <c>ws_reconnect_total</c>).
/// </summary>
public sealed class PublicStreamStats(string stream)
{
    private long _reconnects;
    private long _messages;
    private long _malformed;
    private long _resyncs;
    private long _livenessRestarts;
    private long _pongTimeouts;

    /// <summary>The stream's label, e.g. "spot" or "linear".</summary>
    public string Stream { get; } = stream;

    /// <summary>Connection attempts after the first, for any reason (drop, silence, missing pong, failed resync).</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Frames that did not parse and were skipped.</summary>
    public long MalformedMessages => Interlocked.Read(ref _malformed);

    /// <summary>Book resynchronisations requested after a gap or a crossed book.</summary>
    public long Resyncs => Interlocked.Read(ref _resyncs);

    /// <summary>Restarts because no quote arrived within the liveness timeout.</summary>
    public long LivenessRestarts => Interlocked.Read(ref _livenessRestarts);

    public long PongTimeouts => Interlocked.Read(ref _pongTimeouts);

    internal void CountReconnect() => Interlocked.Increment(ref _reconnects);

    internal void CountMessage() => Interlocked.Increment(ref _messages);

    public void CountMalformed() => Interlocked.Increment(ref _malformed);

    internal void CountResync() => Interlocked.Increment(ref _resyncs);

    internal void CountLivenessRestart() => Interlocked.Increment(ref _livenessRestarts);

    internal void CountPongTimeout() => Interlocked.Increment(ref _pongTimeouts);
}
