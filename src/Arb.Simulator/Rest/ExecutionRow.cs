using System.Text.Json;
using Arb.Domain.Market;
using Arb.Simulator.Trading;

namespace Arb.Simulator.Rest;

/// <summary>
/// One fill or funding settlement as <c>/v5/execution/list</c> lists it. Spot rows leave the derivative-only
/// figures (mark, index, closed size) empty, as Bybit does; <c>seq</c> is a JSON number.
/// </summary>
internal static class ExecutionRow
{
    public static void Write(Utf8JsonWriter writer, SimExecution execution, SimOrder? order)
    {
        var spot = execution.Category == MarketCategory.Spot;
        var funding = execution.ExecType == "Funding";
        writer.WriteStartObject();
        writer.WriteString("symbol", execution.Symbol);
        writer.WriteString("orderId", execution.OrderId);
        writer.WriteString("orderLinkId", execution.OrderLinkId);
        writer.WriteString("side", execution.Side.ToString());
        writer.WritePlainString("orderPrice", execution.OrderPrice);
        writer.WritePlainString("orderQty", execution.OrderQty);
        writer.WritePlainString("leavesQty", execution.LeavesQty);
        writer.WriteString("createType", funding ? "" : "CreateByUser");
        writer.WriteString("orderType", execution.OrderType);
        writer.WriteString("stopOrderType", "UNKNOWN");
        writer.WriteAmount("execFee", execution.ExecFee, 10);
        writer.WriteString("execFeeV2", "");
        writer.WriteString("execId", execution.ExecId);
        writer.WritePlainString("execPrice", execution.ExecPrice);
        writer.WritePlainString("execQty", execution.ExecQty);
        writer.WriteString("execType", execution.ExecType);
        writer.WriteAmount("execValue", execution.ExecValue);
        writer.WriteInt64String("execTime", execution.ExecTimeMs);
        writer.WriteString("feeCurrency", execution.FeeCurrency);
        writer.WriteBoolean("isMaker", execution.IsMaker);
        writer.WritePlainString("feeRate", execution.FeeRate);
        writer.WriteString("tradeIv", "");
        writer.WriteString("markIv", "");
        WriteDerivative(writer, "markPrice", execution.MarkPrice, spot);
        WriteDerivative(writer, "indexPrice", execution.IndexPrice, spot);
        writer.WriteString("underlyingPrice", "");
        writer.WriteString("blockTradeId", "");
        WriteDerivative(writer, "closedSize", execution.ClosedSize, spot);
        writer.WriteString("marketUnit", order?.MarketUnit?.ToWireName() ?? "");
        writer.WriteNumber("seq", execution.Seq);
        writer.WriteString("extraFees", "");
        writer.WriteEndObject();
    }

    private static void WriteDerivative(Utf8JsonWriter writer, string name, decimal value, bool spot)
    {
        if (spot)
        {
            writer.WriteString(name, "");
        }
        else
        {
            writer.WritePlainString(name, value);
        }
    }
}
