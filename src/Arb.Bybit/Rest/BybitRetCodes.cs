namespace Arb.Bybit.Rest;

/// <summary>The envelope <c>retCode</c> values the transport itself reacts to.</summary>
public static class BybitRetCodes
{
    public const int Ok = 0;

    /// <summary>Timestamp outside the receive window: resync the clock and sign again.</summary>
    public const int TimestampOutOfWindow = 10002;

    /// <summary>Signature mismatch; the message echoes the signed string, API key included.</summary>
    public const int SignatureError = 10004;

    /// <summary>Per-UID rate limit hit; <c>X-Bapi-Limit-Reset-Timestamp</c> says when to come back.</summary>
    public const int RateLimited = 10006;

    /// <summary>Server error or service restarting: retry later.</summary>
    public const int ServiceUnavailable = 10016;
}
