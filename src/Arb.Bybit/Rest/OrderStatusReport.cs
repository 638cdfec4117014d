using Arb.Domain.Trading;

namespace Arb.Bybit.Rest;

/// <summary>
/// One order as <c>GET /v5/order/realtime</c> reports it. <see cref="Status"/> is Bybit's string (New,
/// PartiallyFilled, Filled, Cancelled, PartiallyFilledCanceled, Rejected, …), kept raw so no state is lost.
/// </summary>
/// <param name="Qty">As placed: base coin, or quote coin for a spot market order in quote units.</param>
/// <param name="Price">The limit price; 0 for a spot market order.</param>
/// <param name="AvgPrice">Null until something filled (Bybit writes "" or "0").</param>
/// <param name="CumExecFee">Bybit's <c>cumExecFee</c>, 0 when absent; per-coin fees are in <paramref name="CumFeeDetail"/>.</param>
public sealed record OrderStatusReport(
    string OrderId,
    string OrderLinkId,
    string Symbol,
    TradeSide Side,
    OrderType OrderType,
    string Status,
    decimal Qty,
    decimal Price,
    decimal? AvgPrice,
    decimal CumExecQty,
    decimal CumExecValue,
    decimal CumExecFee,
    IReadOnlyDictionary<string, decimal> CumFeeDetail,
    decimal LeavesQty,
    long CreatedTimeMs,
    long UpdatedTimeMs)
{
    /// <summary>Whether the order can still trade (New, PartiallyFilled, Untriggered).</summary>
    public bool IsOpen => Status is "New" or "PartiallyFilled" or "Untriggered";
}
