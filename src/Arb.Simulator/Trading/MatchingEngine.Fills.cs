using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Trading;

public sealed partial class MatchingEngine
{
    // One fill: wallet/position changes, the order's running totals, the execution record and its event.
    private static (SimOrder Order, SimExecution Execution) Fill(
        SimAccount account, SimSymbolMarket symbolMarket, SimOrder order, decimal price, decimal qty, bool isMaker, long nowMs)
    {
        var feeRate = account.Fees(order.Category).For(isMaker);
        var value = price * qty;
        order = ReleaseFor(account, order, price, qty);
        decimal fee;
        string feeCoin;
        var (closed, pnl) = (0m, 0m);
        if (order.Category == MarketCategory.Spot)
        {
            (fee, feeCoin) = SpotLedger.Apply(account, symbolMarket.Instrument.BaseCoin, order.Side, price, qty, feeRate);
        }
        else
        {
            (fee, feeCoin) = (value * feeRate, Coins.Usdt);
            (closed, pnl) = LinearLedger.Apply(account, account.Position(order.Symbol), order.Side, price, qty, fee, nowMs);
        }

        var cumQty = order.CumExecQty + qty;
        var cumValue = order.CumExecValue + value;
        order = order with
        {
            CumExecQty = cumQty,
            CumExecValue = cumValue,
            CumExecFee = order.CumExecFee + fee,
            FeeCurrency = feeCoin,
            AvgPrice = cumValue / cumQty,
            LeavesQty = order.QtyInQuote ? 0m : order.Qty - cumQty,
            LeavesValue = order.OrderType == SimOrderType.Limit ? order.Price * (order.Qty - cumQty) : 0m,
            ClosedPnl = order.ClosedPnl + pnl,
            Status = SimOrderStatus.PartiallyFilled,
            UpdatedTimeMs = nowMs,
        };

        var execution = new SimExecution
        {
            Category = order.Category,
            Symbol = order.Symbol,
            ExecId = Guid.NewGuid().ToString(),
            OrderId = order.OrderId,
            OrderLinkId = order.OrderLinkId,
            Side = order.Side,
            OrderPrice = order.Price,
            OrderQty = order.Qty,
            LeavesQty = order.LeavesQty,
            OrderType = order.OrderType.ToString(),
            ExecType = "Trade",
            ExecPrice = price,
            ExecQty = qty,
            ExecValue = value,
            ExecFee = fee,
            FeeRate = feeRate,
            FeeCurrency = feeCoin,
            IsMaker = isMaker,
            ExecPnl = pnl,
            ClosedSize = closed,
            MarkPrice = symbolMarket.MarkPrice,
            IndexPrice = symbolMarket.IndexPrice,
            ExecTimeMs = nowMs,
            Seq = symbolMarket.Book(order.Category).Sequence,
        };
        account.Record(execution);
        account.Emit(new SimExecutionEvent(nowMs, execution));
        return (order, execution);
    }

    // Ends an order: open qty reported as 0 (as Bybit does) and whatever it still holds released.
    private SimOrder Finish(SimAccount account, SimOrder order, long nowMs)
    {
        if (order.LockedAmount > 0)
        {
            account.Coin(order.LockedCoin).Locked -= order.LockedAmount;
        }

        _resting.RemoveAll(r => r.Account == account && r.OrderId == order.OrderId);
        return order with { LockedAmount = 0m, LeavesQty = 0m, LeavesValue = 0m, UpdatedTimeMs = nowMs };
    }
}
