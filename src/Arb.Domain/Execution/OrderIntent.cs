using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Domain.Execution;

/// <summary>
/// One order the engine wants on the venue: always immediate-or-cancel, so nothing of it rests on the book.
/// <paramref name="LimitPrice"/> bounds the fill (the depth-walk price of the intended quantity); null sends a
/// market order, used only to hedge a leg imbalance. <paramref name="Quantity"/> is in the base coin on both
/// categories. <paramref name="OrderLinkId"/> is the client id recorded before the order is sent, the key every
/// later event and query of this order is matched by.
/// </summary>
public sealed record OrderIntent(
    MarketCategory Category,
    string Symbol,
    TradeSide Side,
    decimal Quantity,
    decimal? LimitPrice,
    string OrderLinkId,
    bool ReduceOnly = false)
{
    public bool IsMarket => LimitPrice is null;
}
