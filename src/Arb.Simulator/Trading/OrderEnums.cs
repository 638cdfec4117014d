namespace Arb.Simulator.Trading;

/// <summary>Order side; the names are Bybit's wire values.</summary>
public enum SimSide
{
    Buy,
    Sell,
}

/// <summary>Order type; the names are Bybit's wire values.</summary>
public enum SimOrderType
{
    Market,
    Limit,
}

/// <summary>Time in force (wire: GTC, IOC, FOK, PostOnly).</summary>
public enum SimTimeInForce
{
    Gtc,
    Ioc,
    Fok,
    PostOnly,
}

/// <summary>The unit of a spot market order's qty (wire: baseCoin, quoteCoin).</summary>
public enum SimMarketUnit
{
    BaseCoin,
    QuoteCoin,
}

/// <summary>Order status; the names are Bybit's wire values.</summary>
public enum SimOrderStatus
{
    New,
    PartiallyFilled,
    Filled,
    Cancelled,

    /// <summary>Spot only: some fills, then the rest cancelled (derivatives say Cancelled).</summary>
    PartiallyFilledCanceled,
    Rejected,
}
