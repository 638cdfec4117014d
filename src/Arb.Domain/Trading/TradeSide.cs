namespace Arb.Domain.Trading;

public enum TradeSide
{
    Buy,
    Sell,
}
