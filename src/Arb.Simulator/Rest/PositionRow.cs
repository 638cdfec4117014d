using System.Text.Json;
using Arb.Simulator.Market;
using Arb.Simulator.Trading;

namespace Arb.Simulator.Rest;

/// <summary>
/// One one-way linear position as <c>/v5/position/list</c> lists it (REST says <c>avgPrice</c> where the stream
/// says <c>entryPrice</c>). Liquidation and maintenance margin are not simulated: their prices are empty and the
/// margins 0. <c>positionIdx</c>, <c>riskId</c>, <c>tradeMode</c>, <c>autoAddMargin</c>, <c>adlRankIndicator</c>
/// and <c>seq</c> are JSON numbers, as the exchange sends them.
/// </summary>
internal static class PositionRow
{
    public static void Write(Utf8JsonWriter writer, SimPosition position, SimSymbolMarket market, SimFeeRates fees)
    {
        var flat = position.Size == 0;
        var mark = market.MarkPrice;
        writer.WriteStartObject();
        writer.WriteNumber("positionIdx", 0);
        writer.WriteNumber("riskId", 1);
        writer.WriteString("riskLimitValue", "2000000");
        writer.WriteString("symbol", position.Symbol);
        writer.WriteString("side", position.Side);
        writer.WritePlainString("size", Math.Abs(position.Size));
        writer.WriteAmount("avgPrice", position.EntryPrice);
        WriteUnlessFlat(writer, "positionValue", position.PositionValue, flat);
        writer.WriteNumber("tradeMode", 0);
        writer.WriteString("positionStatus", "Normal");
        writer.WriteNumber("autoAddMargin", 0);
        writer.WriteNumber("adlRankIndicator", flat ? 0 : 1);
        writer.WritePlainString("leverage", position.Leverage);
        WriteUnlessFlat(writer, "breakEvenPrice", BreakEven(position, fees.Taker), flat);
        writer.WriteAmount("positionBalance", position.InitialMargin);
        writer.WritePlainString("markPrice", mark);
        writer.WriteString("liqPrice", "");
        writer.WriteString("bustPrice", "");
        writer.WriteString("positionMM", "0");
        writer.WriteString("positionMMByMp", "0");
        writer.WriteAmount("positionIM", position.InitialMargin);
        writer.WriteAmount("positionIMByMp", Math.Abs(position.Size) * mark / position.Leverage);
        writer.WriteString("tpslMode", "Full");
        writer.WriteString("takeProfit", "");
        writer.WriteString("stopLoss", "");
        writer.WriteString("trailingStop", "0");
        WriteUnlessFlat(writer, "unrealisedPnl", position.UnrealisedPnl(mark), flat);
        writer.WriteAmount("curRealisedPnl", position.CurRealisedPnl);
        writer.WriteAmount("cumRealisedPnl", position.CumRealisedPnl);
        writer.WriteNumber("seq", market.Linear.Sequence);
        writer.WriteBoolean("isReduceOnly", false);
        writer.WriteString("mmrSysUpdatedTime", "");
        writer.WriteString("leverageSysUpdatedTime", "");
        writer.WriteString("sessionAvgPrice", "");
        writer.WriteInt64String("createdTime", position.CreatedTimeMs);
        writer.WriteInt64String("updatedTime", position.UpdatedTimeMs);
        writer.WriteEndObject();
    }

    // The exit price that pays back the entry and both taker fees.
    private static decimal BreakEven(SimPosition position, decimal takerFee) =>
        position.Size > 0
            ? position.EntryPrice * (1 + takerFee) / (1 - takerFee)
            : position.EntryPrice * (1 - takerFee) / (1 + takerFee);

    // Bybit sends "" for value and PnL of a flat position.
    private static void WriteUnlessFlat(Utf8JsonWriter writer, string name, decimal value, bool flat)
    {
        if (flat)
        {
            writer.WriteString(name, "");
        }
        else
        {
            writer.WriteAmount(name, value);
        }
    }
}
