namespace Arb.Observability.Alerts;

/// <summary>Delivery outcomes of one channel since start; read from any thread.</summary>
public sealed class AlertChannelCounters(string channel)
{
    private long _sent;
    private long _failed;
    private long _dropped;

    public string Channel { get; } = channel;

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Deliveries that threw, were refused or timed out.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Alerts never attempted: pushed out of a full queue, or published after shutdown.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal void CountSent() => Interlocked.Increment(ref _sent);

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    internal void CountDropped() => Interlocked.Increment(ref _dropped);
}
