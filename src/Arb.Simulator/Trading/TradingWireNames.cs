namespace Arb.Simulator.Trading;

/// <summary>Bybit's spelling of the trading enums, for the later wire layer.</summary>
public static class TradingWireNames
{
    public static string ToWireName(this SimTimeInForce timeInForce) => timeInForce switch
    {
        SimTimeInForce.Gtc => "GTC",
        SimTimeInForce.Ioc => "IOC",
        SimTimeInForce.Fok => "FOK",
        SimTimeInForce.PostOnly => "PostOnly",
        _ => throw new ArgumentOutOfRangeException(nameof(timeInForce), timeInForce, "unknown time in force"),
    };

    public static string ToWireName(this SimMarketUnit unit) => unit switch
    {
        SimMarketUnit.BaseCoin => "baseCoin",
        SimMarketUnit.QuoteCoin => "quoteCoin",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown market unit"),
    };

    public static bool IsOpen(this SimOrderStatus status) => status is SimOrderStatus.New or SimOrderStatus.PartiallyFilled;
}
