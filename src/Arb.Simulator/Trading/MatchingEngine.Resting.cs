using Arb.Domain.Market;

namespace Arb.Simulator.Trading;

public sealed partial class MatchingEngine
{
    /// <summary>
    /// Cancels an open order found by orderId or orderLinkId; unknown or finished orders give linear 110001 /
    /// spot 170213. A spot order with fills ends PartiallyFilledCanceled, anything else Cancelled.
    /// </summary>
    public OrderResult Cancel(SimAccount account, MarketCategory category, string symbol, string? orderId, string? orderLinkId, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(account);
        var order = account.FindOrder(category, symbol, orderId, orderLinkId);
        if (order is not { IsOpen: true })
        {
            return OrderResult.Fail(category == MarketCategory.Spot ? SimRetCodes.SpotOrderNotFound : SimRetCodes.LinearOrderNotFound);
        }

        var status = category == MarketCategory.Spot && order.CumExecQty > 0 ? SimOrderStatus.PartiallyFilledCanceled : SimOrderStatus.Cancelled;
        order = Finish(account, order with { Status = status, CancelType = "CancelByUser" }, nowMs);
        account.Store(order);
        EmitOrderChange(account, Market.Find(symbol)!, order, nowMs);
        return OrderResult.Ok(order, []);
    }

    /// <summary>
    /// After the market stepped: each resting order the new book crosses fills as maker at its limit price, for
    /// as much as the crossing levels hold (that size leaves the book). Returns the executions, oldest order first.
    /// </summary>
    public IReadOnlyList<SimExecution> OnMarketStep(long nowMs)
    {
        var executions = new List<SimExecution>();
        foreach (var (account, orderId) in _resting.ToArray())
        {
            var order = account.Orders[orderId];
            var symbolMarket = Market.Find(order.Symbol)!;
            var book = symbolMarket.Book(order.Category);
            var plan = LiquidityWalk.ForBase(book, order.Side, order.Price, order.LeavesQty);
            if (plan.Qty == 0)
            {
                continue;
            }

            LiquidityWalk.Consume(book, order.Side, plan);
            (order, var execution) = Fill(account, symbolMarket, order, order.Price, plan.Qty, isMaker: true, nowMs);
            executions.Add(execution);
            if (order.LeavesQty == 0)
            {
                order = Finish(account, order with { Status = SimOrderStatus.Filled }, nowMs);
            }

            account.Store(order);
            EmitOrderChange(account, symbolMarket, order, nowMs);
        }

        return executions;
    }

    // A GTC leftover holds its funds: spot Buy quote (price × leaves), spot Sell base, linear the opening part's margin.
    private SimOrder Rest(SimAccount account, SimOrder order)
    {
        var (coin, amount) = order.Category == MarketCategory.Spot
            ? order.Side == SimSide.Buy ? (Coins.Usdt, order.Price * order.LeavesQty) : (Market.Find(order.Symbol)!.Instrument.BaseCoin, order.LeavesQty)
            : (Coins.Usdt, order.ReduceOnly ? 0m : OpeningQty(account.Position(order.Symbol), order.Side, order.LeavesQty) * order.Price / account.Position(order.Symbol).Leverage);
        account.Coin(coin).Locked += amount;
        _resting.Add((account, order.OrderId));
        return order with
        {
            Status = order.CumExecQty > 0 ? SimOrderStatus.PartiallyFilled : SimOrderStatus.New,
            LockedAmount = amount,
            LockedCoin = coin,
            LeavesValue = order.Price * order.LeavesQty,
        };
    }

    // A resting order's fill frees what that quantity held (never more than is left; Finish frees any remainder).
    private static SimOrder ReleaseFor(SimAccount account, SimOrder order, decimal price, decimal qty)
    {
        if (order.LockedAmount == 0)
        {
            return order;
        }

        var share = order.Category == MarketCategory.Spot
            ? order.Side == SimSide.Buy ? price * qty : qty
            : price * qty / account.Position(order.Symbol).Leverage;
        var release = Math.Min(order.LockedAmount, share);
        account.Coin(order.LockedCoin).Locked -= release;
        return order with { LockedAmount = order.LockedAmount - release };
    }
}
