using Arb.Domain.Books;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Engine.Paper;

public sealed partial class PaperVenue
{
    // One submission, under the account lock: checks, the walk (planned, checked and consumed under the book's
    // lock so the market-data thread cannot change the copy in between), then the fills and their events.
    private SubmitOutcome Execute(OrderIntent intent, long nowMs)
    {
        if (string.IsNullOrEmpty(intent.OrderLinkId))
        {
            return SubmitOutcome.Rejected("orderLinkId required");
        }

        if (_orders.ContainsKey((intent.Category, intent.OrderLinkId)))
        {
            return SubmitOutcome.Rejected(DuplicateLinkId);
        }

        var coins = (Base: "", Quote: "");
        var quantity = intent.Quantity;
        var planned = new List<PlannedFill>();
        var reason = CheckIntent(intent);
        if (reason is null && intent.Category == MarketCategory.Spot && !SpotCoins.TrySplit(intent.Symbol, out coins.Base, out coins.Quote))
        {
            reason = $"cannot tell the base and quote coins of {intent.Symbol}";
        }

        if (reason is null && intent.Category == MarketCategory.Linear && intent.ReduceOnly)
        {
            (quantity, reason) = ReduceOnlyQuantity(intent);
        }

        reason ??= Walk(intent, quantity, coins.Base, coins.Quote, planned);

        var order = new PaperOrder(intent, $"paper-o-{++_orderCount}", quantity);
        _orders[(intent.Category, intent.OrderLinkId)] = order;
        if (reason is not null)
        {
            order.Status = OrderStatus.Rejected;
            order.RejectReason = reason;
            Emit(order.Update(nowMs));
            return SubmitOutcome.Rejected(reason);
        }

        Emit(order.Update(nowMs));
        foreach (var level in planned)
        {
            Emit(Book(order, level, coins.Base, coins.Quote, nowMs));
        }

        Close(order);
        Emit(order.Update(nowMs));
        if (intent.Category == MarketCategory.Linear)
        {
            Emit(PositionUpdate(intent.Symbol, nowMs));
        }

        if (planned.Count > 0)
        {
            Emit(WalletUpdate(intent.Category == MarketCategory.Spot ? [coins.Base, coins.Quote] : [_account.SettleCoin], nowMs));
        }

        return SubmitOutcome.Accepted;
    }

    private static string? CheckIntent(OrderIntent intent)
    {
        if (intent.Quantity <= 0m)
        {
            return $"quantity must be positive, not {intent.Quantity}";
        }

        return intent.LimitPrice is { } limit && limit <= 0m ? $"limit price must be positive, not {limit}" : null;
    }

    // Bybit trims a reduce-only order to the position it closes and refuses one that would open or add.
    private (decimal Quantity, string? Reason) ReduceOnlyQuantity(OrderIntent intent)
    {
        var size = _account.PositionSize(intent.Symbol);
        var reduces = intent.Side == TradeSide.Buy ? size < 0m : size > 0m;
        return reduces
            ? (Math.Min(intent.Quantity, Math.Abs(size)), null)
            : (intent.Quantity, $"reduce-only {intent.Side} would increase the {intent.Symbol} position ({size})");
    }

    // Plans the walk, checks the balance it needs, and takes it from the copied book; the reason when refused.
    private string? Walk(OrderIntent intent, decimal quantity, string baseCoin, string quoteCoin, List<PlannedFill> planned)
    {
        var book = BookFeed.Find(intent.Category, intent.Symbol);
        if (book is null)
        {
            return Unknown(intent);
        }

        lock (book.Gate)
        {
            switch (book.State)
            {
                case BookState.Empty:
                    return Unknown(intent);
                case BookState.Stale:
                    return $"book stale: {book.StaleReason}";
            }

            var buying = intent.Side == TradeSide.Buy;
            var side = buying ? book.Asks : book.Bids;
            side.Plan(quantity, intent.LimitPrice, buying, planned);
            if (intent.Category == MarketCategory.Spot && Shortfall(intent, quantity, baseCoin, quoteCoin, planned) is { } shortfall)
            {
                planned.Clear();
                return shortfall;
            }

            side.Consume(planned);
            return null;
        }
    }

    private static string Unknown(OrderIntent intent) =>
        $"unknown instrument: no {intent.Category.ToWireName()} {intent.Symbol} book received";

    // A spot buy needs the quote coin for its limit value (a market buy: for what the walk costs); a sell the base coin.
    private string? Shortfall(OrderIntent intent, decimal quantity, string baseCoin, string quoteCoin, List<PlannedFill> planned)
    {
        var (coin, needed) = intent.Side == TradeSide.Sell
            ? (baseCoin, quantity)
            : (quoteCoin, intent.LimitPrice is { } limit ? limit * quantity : planned.Sum(f => f.Price * f.Quantity));
        var available = _account.Balance(coin);
        return needed > available ? $"insufficient {coin} balance: the order needs {needed}, the account has {available}" : null;
    }

    // One level's fill: the fee as Bybit charges it, the account, the order's totals.
    private Fill Book(PaperOrder order, PlannedFill level, string baseCoin, string quoteCoin, long nowMs)
    {
        var intent = order.Intent;
        var buy = intent.Side == TradeSide.Buy;
        var value = level.Quantity * level.Price;
        decimal fee;
        string feeCoin;
        if (intent.Category == MarketCategory.Spot)
        {
            (fee, feeCoin) = buy
                ? (level.Quantity * _options.SpotTakerFeeRate, baseCoin)
                : (value * _options.SpotTakerFeeRate, quoteCoin);
            _account.ApplySpot(baseCoin, quoteCoin, buy, level.Quantity, level.Price, fee);
        }
        else
        {
            (fee, feeCoin) = (value * _options.PerpTakerFeeRate, _account.SettleCoin);
            _account.ApplyLinear(intent.Symbol, buy ? level.Quantity : -level.Quantity, level.Price, fee);
        }

        var fill = new Fill(
            intent.Symbol, intent.Category, intent.Side, level.Quantity, level.Price, fee, feeCoin, intent.OrderLinkId, $"paper-e-{++_execCount}", nowMs);
        order.Add(fill);
        return fill;
    }

    // The immediate-or-cancel end: filled, or the rest cancelled with Bybit's statuses and reasons.
    private static void Close(PaperOrder order)
    {
        if (order.CumQuantity == order.Quantity)
        {
            order.Status = OrderStatus.Filled;
        }
        else if (order.CumQuantity > 0m)
        {
            order.Status = order.Category == MarketCategory.Spot ? OrderStatus.PartiallyFilledCanceled : OrderStatus.Cancelled;
            order.RejectReason = "EC_CancelForNoFullFill";
        }
        else
        {
            order.Status = OrderStatus.Cancelled;
            order.RejectReason = "EC_NoImmediateQtyToFill";
        }
    }
}
