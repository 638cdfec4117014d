namespace Arb.Simulator.Rest;

/// <summary>The Bybit <c>retCode</c> values the simulator's REST layer answers with.</summary>
public static class SimRetCodes
{
    public const int Ok = 0;

    /// <summary>A missing or invalid request parameter (sent with HTTP 200, as Bybit does).</summary>
    public const int ParamsError = 10001;

    /// <summary>The request's timestamp is outside the receive window.</summary>
    public const int TimestampOutOfWindow = 10002;

    /// <summary>Unknown API key.</summary>
    public const int InvalidApiKey = 10003;

    /// <summary>The signature does not match.</summary>
    public const int SignatureError = 10004;

    /// <summary>Per-UID rate limit exceeded.</summary>
    public const int RateLimited = 10006;
}
