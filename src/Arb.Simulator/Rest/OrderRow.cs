using System.Text.Json;
using Arb.Domain.Market;
using Arb.Simulator.Trading;

namespace Arb.Simulator.Rest;

/// <summary>
/// One order as <c>/v5/order/realtime</c> lists it. Features the simulator does not model (TP/SL, triggers, SMP,
/// implied volatility) carry Bybit's empty values; <c>positionIdx</c>, <c>triggerDirection</c> and
/// <c>smpGroup</c> are JSON numbers, as the exchange sends them.
/// </summary>
internal static class OrderRow
{
    public static void Write(Utf8JsonWriter writer, SimOrder order)
    {
        writer.WriteStartObject();
        WriteFields(writer, order);
        writer.WriteEndObject();
    }

    /// <summary>The order's fields without the enclosing object (the private <c>order</c> push adds a few).</summary>
    public static void WriteFields(Utf8JsonWriter writer, SimOrder order)
    {
        var spot = order.Category == MarketCategory.Spot;
        writer.WriteString("orderId", order.OrderId);
        writer.WriteString("orderLinkId", order.OrderLinkId);
        writer.WriteString("blockTradeId", "");
        writer.WriteString("symbol", order.Symbol);
        writer.WritePlainString("price", order.Price);
        writer.WritePlainString("qty", order.Qty);
        writer.WriteString("side", order.Side.ToString());
        writer.WriteString("isLeverage", spot ? "0" : "");
        writer.WriteNumber("positionIdx", 0);
        writer.WriteString("orderStatus", order.Status.ToString());
        writer.WriteString("createType", "CreateByUser");
        writer.WriteString("cancelType", order.CancelType);
        writer.WriteString("rejectReason", order.RejectReason);
        writer.WriteAmount("avgPrice", order.AvgPrice);
        writer.WritePlainString("leavesQty", order.LeavesQty);
        writer.WriteAmount("leavesValue", order.LeavesValue);
        writer.WritePlainString("cumExecQty", order.CumExecQty);
        writer.WriteAmount("cumExecValue", order.CumExecValue);
        writer.WriteAmount("cumExecFee", order.CumExecFee, 10);
        writer.WriteString("timeInForce", order.TimeInForce.ToWireName());
        writer.WriteString("orderType", order.OrderType.ToString());
        writer.WriteString("stopOrderType", "");
        writer.WriteString("orderIv", "");
        writer.WriteString("marketUnit", order.MarketUnit?.ToWireName() ?? "");
        writer.WriteString("triggerPrice", "");
        writer.WriteString("takeProfit", "");
        writer.WriteString("stopLoss", "");
        writer.WriteString("tpTriggerBy", "");
        writer.WriteString("slTriggerBy", "");
        writer.WriteNumber("triggerDirection", 0);
        writer.WriteString("triggerBy", "");
        writer.WriteString("lastPriceOnCreated", "");
        writer.WriteBoolean("reduceOnly", order.ReduceOnly);
        writer.WriteBoolean("closeOnTrigger", false);
        writer.WriteString("smpType", "None");
        writer.WriteNumber("smpGroup", 0);
        writer.WriteString("smpOrderId", "");
        writer.WriteString("tpslMode", "");
        writer.WriteString("tpLimitPrice", "");
        writer.WriteString("slLimitPrice", "");
        writer.WriteString("placeType", "");
        writer.WriteInt64String("createdTime", order.CreatedTimeMs);
        writer.WriteInt64String("updatedTime", order.UpdatedTimeMs);

        // Fees by coin; empty until the order has paid one.
        writer.WriteStartObject("cumFeeDetail");
        if (order.CumExecFee != 0)
        {
            writer.WriteAmount(order.FeeCurrency, order.CumExecFee, 10);
        }

        writer.WriteEndObject();
    }
}
