namespace Arb.Bybit.Rest;

/// <summary>
/// Capped exponential backoff with jitter: retry n waits a random time between half and all of
/// <c>min(base * 2^n, max)</c>, so clients that failed together do not retry together.
/// </summary>
internal sealed class RetryBackoff(TimeSpan baseDelay, TimeSpan maxDelay)
{
    public TimeSpan Delay(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retry);
        var ceiling = Ceiling(retry);
        var half = ceiling / 2;
        return half + (half * Random.Shared.NextDouble());
    }

    /// <summary>The largest delay retry <paramref name="retry"/> can draw.</summary>
    public TimeSpan Ceiling(int retry)
    {
        // Beyond 2^20 the cap has long been reached; clamping the exponent keeps the multiply finite.
        var factor = Math.Pow(2, Math.Min(retry, 20));
        var ticks = Math.Min(baseDelay.Ticks * factor, maxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Clamps a server-requested wait into [0, max].</summary>
    public TimeSpan Clamp(TimeSpan wait) =>
        wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > maxDelay ? maxDelay : wait;
}
