using Arb.Domain.Market;

namespace Arb.Domain.Trading;

/// <summary>
/// The exchange's current view of one of our orders. Quantities are in the base coin; <paramref name="CumExecFee"/>
/// is the exchange's running fee total (deprecated by Bybit for spot and linear: the fills carry the authoritative
/// fees). <paramref name="AvgPrice"/> is null until something filled.
/// </summary>
public sealed record OrderUpdate(
    MarketCategory Category,
    string Symbol,
    string OrderId,
    string OrderLinkId,
    TradeSide Side,
    string OrderType,
    OrderStatus Status,
    decimal Qty,
    decimal Price,
    decimal? AvgPrice,
    decimal CumExecQty,
    decimal CumExecValue,
    decimal CumExecFee,
    decimal LeavesQty,
    string RejectReason,
    long UpdatedTimeMs) : IAccountEvent;
