using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Trading;

/// <summary>
/// Matches accounts' orders against one <see cref="SimMarket"/>'s synthetic books. Takers walk the book best
/// first (one execution per level) and remove what they take; GTC leftovers rest and fill as maker at their
/// limit price when a later book crosses them. Callers hold <c>SimMarket.Gate</c>.
/// </summary>
public sealed partial class MatchingEngine(SimMarket market)
{
    // Resting orders in arrival order (earlier orders fill first on a step).
    private readonly List<(SimAccount Account, string OrderId)> _resting = [];

    public SimMarket Market { get; } = market ?? throw new ArgumentNullException(nameof(market));

    /// <summary>
    /// Validates and executes an order as Bybit would; retCode 0 even when the order ends cancelled. With
    /// <paramref name="fillHalfOnly"/> (the partial-fill fault) the order takes at most half its quantity, rounded
    /// down to the lot, and whatever is left is cancelled instead of resting.
    /// </summary>
    public OrderResult Submit(SimAccount account, OrderRequest request, long nowMs, bool fillHalfOnly = false)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        var symbolMarket = Market.Find(request.Symbol);
        if (OrderValidator.Check(account, symbolMarket, request) is { } refused)
        {
            return refused;
        }

        var book = symbolMarket!.Book(request.Category);
        var isMarket = request.OrderType == SimOrderType.Market;
        var timeInForce = isMarket || (fillHalfOnly && request.TimeInForce == SimTimeInForce.Gtc) ? SimTimeInForce.Ioc : request.TimeInForce;
        var qty = request.Qty;
        if (request.Category == MarketCategory.Linear && request.ReduceOnly)
        {
            // Bybit trims a reduce-only order to the position it closes.
            qty = Math.Min(qty, Math.Abs(account.Position(request.Symbol).Size));
        }

        var order = new SimOrder
        {
            Category = request.Category,
            Symbol = request.Symbol,
            OrderId = Guid.NewGuid().ToString(),
            OrderLinkId = request.OrderLinkId ?? "",
            Side = request.Side,
            OrderType = request.OrderType,
            TimeInForce = isMarket ? SimTimeInForce.Ioc : request.TimeInForce,
            Price = isMarket ? 0m : request.Price!.Value,
            Qty = qty,
            MarketUnit = request.Category == MarketCategory.Spot && isMarket
                ? request.MarketUnit ?? (request.Side == SimSide.Buy ? SimMarketUnit.QuoteCoin : SimMarketUnit.BaseCoin)
                : null,
            ReduceOnly = request.ReduceOnly && request.Category == MarketCategory.Linear,
            LeavesQty = qty,
            CreatedTimeMs = nowMs,
            UpdatedTimeMs = nowMs,
        };

        var limit = isMarket ? (decimal?)null : order.Price;
        var crosses = limit is { } p && (order.Side == SimSide.Buy ? book.BestAsk <= p : book.BestBid >= p);
        var plan = timeInForce == SimTimeInForce.PostOnly ? LiquidityPlan.Empty
            : order.QtyInQuote ? LiquidityWalk.ForQuote(book, qty)
            : LiquidityWalk.ForBase(book, order.Side, limit, qty);
        if (fillHalfOnly)
        {
            plan = order.QtyInQuote ? plan.UpToValue(qty / 2, book.LotSize) : plan.UpToQty(Math.Floor(qty / 2 / book.LotSize) * book.LotSize);
        }

        if (CheckFunds(account, symbolMarket, order, plan) is { } poor)
        {
            return poor;
        }

        if (request.OrderLinkId is { } link)
        {
            account.UseOrderLinkId(request.Category, link);
        }

        var executions = new List<SimExecution>();
        if (timeInForce == SimTimeInForce.PostOnly && crosses)
        {
            order = Finish(account, order with { Status = SimOrderStatus.Cancelled, RejectReason = "EC_PostOnlyWillTakeLiquidity" }, nowMs);
        }
        else if (timeInForce == SimTimeInForce.Fok && plan.Qty < qty)
        {
            order = Finish(account, order with { Status = SimOrderStatus.Cancelled, RejectReason = "EC_NoImmediateQtyToFill" }, nowMs);
        }
        else
        {
            LiquidityWalk.Consume(book, order.Side, plan);
            foreach (var fill in plan.Fills)
            {
                (order, var execution) = Fill(account, symbolMarket, order, fill.Price, fill.Qty, isMaker: false, nowMs);
                executions.Add(execution);
            }

            order = AfterTaking(account, symbolMarket, order, timeInForce, nowMs);
        }

        account.Store(order);
        EmitOrderChange(account, symbolMarket, order, nowMs);
        return OrderResult.Ok(order, executions);
    }

    // What is left once the taker part is done: filled, cancelled (IOC, market) or resting (GTC, PostOnly).
    private SimOrder AfterTaking(SimAccount account, SimSymbolMarket symbolMarket, SimOrder order, SimTimeInForce timeInForce, long nowMs)
    {
        var spot = order.Category == MarketCategory.Spot;
        if (order.QtyInQuote)
        {
            // A quote-amount buy is done when the rest cannot buy another lot at the next ask.
            var spent = order.CumExecValue;
            var nextAsk = symbolMarket.Spot.BestAsk;
            var done = nextAsk is { } ask && order.Qty - spent < ask * symbolMarket.Spot.LotSize;
            return done || spent == order.Qty
                ? Finish(account, order with { Status = SimOrderStatus.Filled }, nowMs)
                : Finish(account, order with { Status = spent > 0 ? SimOrderStatus.PartiallyFilledCanceled : SimOrderStatus.Cancelled, RejectReason = spent > 0 ? "EC_CancelForNoFullFill" : "EC_NoImmediateQtyToFill" }, nowMs);
        }

        if (order.CumExecQty == order.Qty)
        {
            return Finish(account, order with { Status = SimOrderStatus.Filled }, nowMs);
        }

        if (timeInForce is SimTimeInForce.Ioc or SimTimeInForce.Fok)
        {
            var partial = order.CumExecQty > 0;
            var status = partial && spot ? SimOrderStatus.PartiallyFilledCanceled : SimOrderStatus.Cancelled;
            return Finish(account, order with { Status = status, RejectReason = partial ? "EC_CancelForNoFullFill" : "EC_NoImmediateQtyToFill" }, nowMs);
        }

        return Rest(account, order);
    }

    // Balance (spot) or margin (linear) for the whole order, with market orders priced by the book walk.
    private static OrderResult? CheckFunds(SimAccount account, SimSymbolMarket symbolMarket, SimOrder order, LiquidityPlan plan)
    {
        if (order.Category == MarketCategory.Spot)
        {
            var (coin, needed) = order.Side == SimSide.Sell ? (symbolMarket.Instrument.BaseCoin, order.Qty)
                : order.QtyInQuote ? (Coins.Usdt, order.Qty)
                : order.OrderType == SimOrderType.Market ? (Coins.Usdt, plan.Value)
                : (Coins.Usdt, order.Price * order.Qty);
            return needed > account.Coin(coin).Available ? OrderResult.Fail(SimRetCodes.SpotInsufficientBalance) : null;
        }

        if (order.ReduceOnly)
        {
            return null;
        }

        var position = account.Position(order.Symbol);
        var price = order.OrderType == SimOrderType.Limit ? order.Price
            : plan.Qty > 0 ? plan.Value / plan.Qty
            : symbolMarket.MarkPrice;
        var required = (OpeningQty(position, order.Side, order.Qty) * price / position.Leverage) + (order.Qty * price * account.LinearFees.Taker);
        return required > account.LinearAvailable ? OrderResult.Fail(SimRetCodes.LinearInsufficientBalance) : null;
    }

    // The part of a linear order that opens or adds to a position (the rest closes the opposite position).
    private static decimal OpeningQty(SimPosition position, SimSide side, decimal qty)
    {
        var against = side == SimSide.Buy ? position.Size < 0 : position.Size > 0;
        return against ? Math.Max(0m, qty - Math.Abs(position.Size)) : qty;
    }
}
