namespace Arb.Bybit.Rest;

/// <summary>How long a limit order may rest. Market orders are always IOC on Bybit, whatever is sent.</summary>
public enum TimeInForce
{
    Gtc,
    Ioc,
    Fok,
    PostOnly,
}
