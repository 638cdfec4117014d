namespace Arb.Simulator.Rest;

/// <summary>The Bybit <c>retCode</c> values the simulator's REST layer answers with.</summary>
public static class SimRetCodes
{
    public const int Ok = 0;

    /// <summary>A missing or invalid request parameter (sent with HTTP 200, as Bybit does).</summary>
    public const int ParamsError = 10001;
}
