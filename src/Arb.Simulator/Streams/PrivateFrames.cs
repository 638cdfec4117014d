using System.Globalization;
using System.Text.Json;
using Arb.Domain.Market;
using Arb.Simulator.Trading;

namespace Arb.Simulator.Streams;

/// <summary>
/// The private topics' frames, <c>{"id","topic","creationTime","data":[…]}</c>, with the fields and types of
/// Bybit's <c>order</c>, <c>execution</c>, <c>execution.fast</c>, <c>position</c> and <c>wallet</c> pushes.
/// </summary>
internal sealed class PrivateFrames
{
    private readonly JsonFrames _frames = new();

    // The same fields as a REST order row, plus the category and two fields only the push carries.
    public byte[] Order(string topic, SimOrder o, long nowMs) => Frame(topic, nowMs, w =>
    {
        w.WriteString("category", o.Category.ToWireName());
        Rest.OrderRow.WriteFields(w, o);
        w.WriteString("feeCurrency", o.FeeCurrency);
        w.WriteString("closedPnl", Text(o.ClosedPnl));
    });

    public byte[] Execution(string topic, SimExecution e, long nowMs) => Frame(topic, nowMs, w =>
    {
        w.WriteString("category", e.Category.ToWireName());
        w.WriteString("symbol", e.Symbol);
        w.WriteString("closedSize", Text(e.ClosedSize));
        w.WriteString("execFee", Text(e.ExecFee));
        w.WriteString("execId", e.ExecId);
        w.WriteString("execPrice", Text(e.ExecPrice));
        w.WriteString("execQty", Text(e.ExecQty));
        w.WriteString("execType", e.ExecType);
        w.WriteString("execValue", Text(e.ExecValue));
        w.WriteString("feeRate", Text(e.FeeRate));
        w.WriteString("tradeIv", "");
        w.WriteString("markIv", "");
        w.WriteString("blockTradeId", "");
        w.WriteString("markPrice", Text(e.MarkPrice));
        w.WriteString("indexPrice", e.IndexPrice == 0m ? "" : Text(e.IndexPrice));
        w.WriteString("underlyingPrice", "");
        w.WriteString("leavesQty", Text(e.LeavesQty));
        w.WriteString("orderId", e.OrderId);
        w.WriteString("orderLinkId", e.OrderLinkId);
        w.WriteString("orderPrice", Text(e.OrderPrice));
        w.WriteString("orderQty", Text(e.OrderQty));
        w.WriteString("orderType", e.OrderType);
        w.WriteString("stopOrderType", "UNKNOWN");
        w.WriteString("side", e.Side.ToString());
        w.WriteString("execTime", Text(e.ExecTimeMs));
        w.WriteString("isLeverage", "0");
        w.WriteBoolean("isMaker", e.IsMaker);
        w.WriteNumber("seq", e.Seq);
        w.WriteString("marketUnit", "");
        w.WriteString("execPnl", Text(e.ExecPnl));
        w.WriteString("createType", e.ExecType == "Trade" ? "CreateByUser" : "");
        w.WriteStartArray("extraFees");
        w.WriteEndArray();
        w.WriteString("feeCurrency", e.FeeCurrency);
    });

    /// <summary>The low-latency execution topic: trades only, fewer fields, no <c>id</c>.</summary>
    public byte[] ExecutionFast(string topic, SimExecution e, long nowMs) => Frame(topic, nowMs, withId: false, w =>
    {
        w.WriteString("category", e.Category.ToWireName());
        w.WriteString("symbol", e.Symbol);
        w.WriteString("execId", e.ExecId);
        w.WriteString("execPrice", Text(e.ExecPrice));
        w.WriteString("execQty", Text(e.ExecQty));
        w.WriteString("orderId", e.OrderId);
        w.WriteBoolean("isMaker", e.IsMaker);
        w.WriteString("orderLinkId", e.OrderLinkId);
        w.WriteString("side", e.Side.ToString());
        w.WriteString("execTime", Text(e.ExecTimeMs));
        w.WriteNumber("seq", e.Seq);
    });

    public byte[] Position(string topic, SimPositionSnapshot p, long nowMs) => Frame(topic, nowMs, w =>
    {
        w.WriteNumber("positionIdx", 0);
        w.WriteNumber("tradeMode", 0);
        w.WriteNumber("riskId", 1);
        w.WriteString("riskLimitValue", "2000000");
        w.WriteString("symbol", p.Symbol);
        w.WriteString("side", p.Side);
        w.WriteString("size", Text(p.Size));
        w.WriteString("entryPrice", Text(p.EntryPrice));
        w.WriteString("leverage", Text(p.Leverage));
        w.WriteString("breakEvenPrice", Text(p.EntryPrice));
        w.WriteString("positionValue", Text(p.PositionValue));
        w.WriteString("positionBalance", Text(p.PositionIM));
        w.WriteString("markPrice", Text(p.MarkPrice));
        w.WriteString("positionIM", Text(p.PositionIM));
        w.WriteString("positionIMByMp", Text(p.PositionIM));
        w.WriteString("positionMM", "0");
        w.WriteString("positionMMByMp", "0");
        w.WriteString("takeProfit", "0");
        w.WriteString("stopLoss", "0");
        w.WriteString("trailingStop", "0");
        w.WriteString("unrealisedPnl", Text(p.UnrealisedPnl));
        w.WriteString("curRealisedPnl", Text(p.CurRealisedPnl));
        w.WriteString("cumRealisedPnl", Text(p.CumRealisedPnl));
        w.WriteString("sessionAvgPrice", "0");
        w.WriteString("createdTime", Text(p.CreatedTimeMs));
        w.WriteString("updatedTime", Text(p.UpdatedTimeMs));
        w.WriteString("tpslMode", "Full");
        w.WriteString("liqPrice", "");
        w.WriteString("bustPrice", "");
        w.WriteString("category", "linear");
        w.WriteString("positionStatus", "Normal");
        w.WriteNumber("adlRankIndicator", 0);
        w.WriteNumber("autoAddMargin", 0);
        w.WriteString("leverageSysUpdatedTime", "");
        w.WriteString("mmrSysUpdatedTime", "");
        w.WriteNumber("seq", p.Seq);
        w.WriteBoolean("isReduceOnly", false);
    });

    /// <summary>One unified-account row; <paramref name="usdValue"/> prices each coin in USD.</summary>
    public byte[] Wallet(string topic, IReadOnlyList<SimCoinSnapshot> coins, Func<string, decimal> usdValue, long nowMs) => Frame(topic, nowMs, w =>
    {
        var equity = coins.Sum(c => c.Equity * usdValue(c.Coin));
        var wallet = coins.Sum(c => c.WalletBalance * usdValue(c.Coin));
        var upl = coins.Sum(c => c.UnrealisedPnl * usdValue(c.Coin));
        var initialMargin = coins.Sum(c => c.TotalPositionIM * usdValue(c.Coin));
        var locked = coins.Sum(c => c.Locked * usdValue(c.Coin));
        foreach (var name in (string[])["accountIMRate", "accountIMRateByMp", "accountMMRate", "accountMMRateByMp"])
        {
            w.WriteString(name, "0");
        }

        w.WriteString("totalEquity", Text(Math.Round(equity, 8)));
        w.WriteString("totalWalletBalance", Text(Math.Round(wallet, 8)));
        w.WriteString("totalMarginBalance", Text(Math.Round(wallet + upl, 8)));
        w.WriteString("totalAvailableBalance", Text(Math.Round(wallet + upl - initialMargin - locked, 8)));
        w.WriteString("totalPerpUPL", Text(Math.Round(upl, 8)));
        w.WriteString("totalInitialMargin", Text(Math.Round(initialMargin, 8)));
        w.WriteString("totalInitialMarginByMp", Text(Math.Round(initialMargin, 8)));
        w.WriteString("totalMaintenanceMargin", "0");
        w.WriteString("totalMaintenanceMarginByMp", "0");
        w.WriteStartArray("coin");
        foreach (var c in coins)
        {
            w.WriteStartObject();
            w.WriteString("coin", c.Coin);
            w.WriteString("equity", Text(c.Equity));
            w.WriteString("usdValue", Text(Math.Round(c.Equity * usdValue(c.Coin), 8)));
            w.WriteString("walletBalance", Text(c.WalletBalance));
            w.WriteString("availableToWithdraw", "");
            w.WriteString("availableToBorrow", "");
            w.WriteString("borrowAmount", "0");
            w.WriteString("accruedInterest", "0");
            w.WriteString("totalOrderIM", "0");
            w.WriteString("totalPositionIM", Text(c.TotalPositionIM));
            w.WriteString("totalPositionMM", "0");
            w.WriteString("unrealisedPnl", Text(c.UnrealisedPnl));
            w.WriteString("cumRealisedPnl", Text(c.CumRealisedPnl));
            w.WriteString("bonus", "0");
            w.WriteBoolean("collateralSwitch", true);
            w.WriteBoolean("marginCollateral", true);
            w.WriteString("locked", Text(c.Locked));
            w.WriteString("spotHedgingQty", "0");
            w.WriteString("spotBorrow", "0");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("accountLTV", "0");
        w.WriteString("accountType", "UNIFIED");
    });

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private byte[] Frame(string topic, long nowMs, Action<Utf8JsonWriter> writeRow) => Frame(topic, nowMs, withId: true, writeRow);

    private byte[] Frame(string topic, long nowMs, bool withId, Action<Utf8JsonWriter> writeRow)
    {
        var w = _frames.Begin();
        w.WriteStartObject();
        if (withId)
        {
            w.WriteString("id", Guid.NewGuid().ToString("N"));
        }

        w.WriteString("topic", topic);
        w.WriteNumber("creationTime", nowMs);
        w.WriteStartArray("data");
        w.WriteStartObject();
        writeRow(w);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        return _frames.End();
    }
}
