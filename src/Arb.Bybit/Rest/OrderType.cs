namespace Arb.Bybit.Rest;

/// <summary>The two order types the bot sends. Bybit turns a market order into an IOC limit inside a slippage band.</summary>
public enum OrderType
{
    Market,
    Limit,
}
