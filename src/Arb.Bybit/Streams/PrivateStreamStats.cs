namespace Arb.Bybit.Streams;

/// <summary>Counters of the private-stream connection, safe to read from any thread.</summary>
public sealed class PrivateStreamStats
{
    private long _reconnects;
    private long _messages;
    private long _malformed;
    private long _ignored;
    private long _authFailures;
    private long _pongTimeouts;

    /// <summary>Connection attempts after the first, for any reason.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Frames, or rows of a push, that did not parse and were skipped.</summary>
    public long MalformedMessages => Interlocked.Read(ref _malformed);

    /// <summary>Rows for categories or execution types the bot does not book.</summary>
    public long IgnoredRows => Interlocked.Read(ref _ignored);

    /// <summary>Auth requests the exchange refused or did not answer.</summary>
    public long AuthFailures => Interlocked.Read(ref _authFailures);

    public long PongTimeouts => Interlocked.Read(ref _pongTimeouts);

    internal void CountReconnect() => Interlocked.Increment(ref _reconnects);

    internal void CountMessage() => Interlocked.Increment(ref _messages);

    internal void CountMalformed(long count = 1) => Interlocked.Add(ref _malformed, count);

    internal void CountIgnored(long count) => Interlocked.Add(ref _ignored, count);

    internal void CountAuthFailure() => Interlocked.Increment(ref _authFailures);

    internal void CountPongTimeout() => Interlocked.Increment(ref _pongTimeouts);
}
