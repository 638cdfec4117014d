namespace Arb.Observability.Alerts;

/// <summary>Tuning for <see cref="AlertDispatcher"/>; the defaults suit a bot that alerts a few times a day.</summary>
public sealed record AlertDispatcherOptions
{
    /// <summary>At most one alert of a kind per window; the rest are counted and mentioned in the next one. Zero disables the limit.</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Alerts waiting per channel; when full, the oldest is dropped and counted.</summary>
    public int QueueCapacity { get; init; } = 100;

    /// <summary>Longest one delivery may take before it counts as failed, even if the channel ignores cancellation.</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long disposing waits for queued alerts to go out; what remains after it is abandoned and logged.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
