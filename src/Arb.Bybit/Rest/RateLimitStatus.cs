namespace Arb.Bybit.Rest;

/// <summary>
/// The per-UID limit of one endpoint as last reported by the <c>X-Bapi-Limit*</c> response headers.
/// </summary>
/// <param name="Limit">Requests allowed per window (<c>X-Bapi-Limit</c>), when sent.</param>
/// <param name="Remaining">Requests left in the window (<c>X-Bapi-Limit-Status</c>).</param>
/// <param name="ResetTimestampMs">Exchange time the window resets, Unix ms (<c>X-Bapi-Limit-Reset-Timestamp</c>), when sent.</param>
/// <param name="ObservedAt">Local time the headers arrived.</param>
public sealed record RateLimitStatus(int? Limit, int Remaining, long? ResetTimestampMs, DateTimeOffset ObservedAt)
{
    public bool IsExhausted => Remaining <= 0;
}
