using Arb.Domain.Trading;

namespace Arb.Bybit.Rest;

/// <summary>The exact strings Bybit uses for the trading enums, both ways.</summary>
internal static class TradingWireNames
{
    public static string ToWireName(this TradeSide side) => side switch
    {
        TradeSide.Buy => "Buy",
        TradeSide.Sell => "Sell",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "unknown side"),
    };

    public static string ToWireName(this OrderType type) => type switch
    {
        OrderType.Market => "Market",
        OrderType.Limit => "Limit",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown order type"),
    };

    public static string ToWireName(this TimeInForce timeInForce) => timeInForce switch
    {
        TimeInForce.Gtc => "GTC",
        TimeInForce.Ioc => "IOC",
        TimeInForce.Fok => "FOK",
        TimeInForce.PostOnly => "PostOnly",
        _ => throw new ArgumentOutOfRangeException(nameof(timeInForce), timeInForce, "unknown time in force"),
    };

    public static string ToWireName(this MarketUnit unit) => unit switch
    {
        MarketUnit.BaseCoin => "baseCoin",
        MarketUnit.QuoteCoin => "quoteCoin",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown market unit"),
    };

    public static TradeSide ParseSide(string text) => text switch
    {
        "Buy" => TradeSide.Buy,
        "Sell" => TradeSide.Sell,
        _ => throw new FormatException($"'{text}' is not a side (Buy, Sell)."),
    };

    public static OrderType ParseOrderType(string text) => text switch
    {
        "Market" => OrderType.Market,
        "Limit" => OrderType.Limit,
        _ => throw new FormatException($"'{text}' is not an order type (Market, Limit)."),
    };
}
