namespace Arb.Bybit.Rest;

/// <summary>The exchange clock as reported by <c>GET /v5/market/time</c>.</summary>
/// <param name="TimeSecond">Unix seconds (<c>result.timeSecond</c>).</param>
/// <param name="TimeNano">Unix nanoseconds (<c>result.timeNano</c>), when present.</param>
/// <param name="ResponseTimeMs">The envelope's <c>time</c> in Unix ms, when present.</param>
public sealed record ServerTime(long TimeSecond, long? TimeNano, long? ResponseTimeMs)
{
    /// <summary>The most precise instant available: nanoseconds, else the envelope's ms, else seconds.</summary>
    public DateTimeOffset Instant =>
        TimeNano is { } nano ? DateTimeOffset.UnixEpoch.AddTicks(nano / 100)
        : ResponseTimeMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : DateTimeOffset.FromUnixTimeSeconds(TimeSecond);
}
