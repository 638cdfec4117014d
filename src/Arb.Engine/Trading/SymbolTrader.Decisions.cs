using Arb.Domain.Books;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;
using Arb.Engine.Risk;
using Arb.Strategy.Edge;
using Arb.Strategy.Sizing;

namespace Arb.Engine.Trading;

/// <summary>The decision path, under the symbol's lock: features, estimator, gates, and the plan of a trade.</summary>
public sealed partial class SymbolTrader
{
    private PairPlan? Decide(long nowMs)
    {
        var spot = _spot;
        var perp = _perp;
        if (spot is null || perp is null || !spot.TryGetTop(out var spotBid, out var spotAsk) || !perp.TryGetTop(out var perpBid, out var perpAsk)
            || !spot.IsValid || !perp.IsValid)
        {
            _last = default;
            _edgesPending = false;
            return null;
        }

        _everValid = true;
        _hasMids = true;
        _spotBidPrice = spotBid.Price;
        _spotAskPrice = spotAsk.Price;
        _perpBidPrice = perpBid.Price;
        _perpAskPrice = perpAsk.Price;
        // The basis sample in doubles from the exact decimal sums (the mids' halves cancel): no decimal division per
        // update. It can differ from the decimal quotient in the last bits only.
        var spotSum = (double)(spotBid.Price + spotAsk.Price);
        var perpSum = (double)(perpBid.Price + perpAsk.Price);
        _volatility.Add((perpSum - spotSum) / spotSum * BpsDouble);

        // Positive: long spot / short perp, the position the open trade builds.
        var held = -Portfolio.Perp.Quantity;
        var opensAllowed = _closesInFlight == 0 && !_halted && (_gate is null || _gate.OpensAllowed);
        var room = opensAllowed ? Room(spotBid.Price, held) : 0m;
        // Coin that reverse opens in flight are selling is not available to another one.
        var coinAvailable = _spotCoinAvailable - _spotCoinCommitted;
        if (CanSkipEdges(spot, perp, spotBid, spotAsk, perpBid, perpAsk, held, nowMs))
        {
            // Every path below would return null: keep what the features need, computed if the status asks.
            _pendingEdges = new PendingEdges(spotBid, spotAsk, perpBid, perpAsk, opensAllowed, room, _volatility.StdDevBps, held, coinAvailable, _costs, nowMs);
            _edgesPending = true;
            return null;
        }

        _edgesPending = false;
        var openQuantity = opensAllowed ? OpenQuantity(spot, perp, spotBid.Price, room, _volatility.StdDevBps) : 0m;
        _last = EdgeCalculator.Compute(spot, perp, openQuantity, held, coinAvailable, _costs, nowMs);
        if (!_volatility.IsReady && !_flatten && !_rebalance)
        {
            return null;
        }

        if (_halted && !_flatten)
        {
            return null;
        }

        // A stop's flatten closes until flat; a start-up rebalance closes once, then trading goes on. A halt without
        // flatten (shutting down) starts nothing, not even a pending rebalance.
        if (_flatten || _rebalance)
        {
            // One close at a time, and a refused or unfilled one is retried at most once a second, not on every book.
            if (_opensInFlight != 0 || _closesInFlight != 0 || nowMs - _lastForcedCloseMs < ForcedCloseRetryMs)
            {
                return null;
            }

            var close = PlanClose(spot, perp, nowMs);
            if (close is not null)
            {
                _lastForcedCloseMs = nowMs;
            }

            if (close is null && _rebalance && ClosableQuantities() == (0m, 0m))
            {
                _rebalance = false;
            }

            return close;
        }

        var decision = _setup.Estimator.Decide(_last);
        switch (decision.Action)
        {
            case EdgeAction.Open when _last.OpenEdgeBps is { } edge && CanOpen(nowMs):
                return PlanOpen(spot, perp, PairKind.Open, edge, decision.SizeFraction, nowMs);
            case EdgeAction.OpenReverse when _last.ReverseOpenEdgeBps is { } edge && CanOpen(nowMs):
                return PlanOpen(spot, perp, PairKind.OpenReverse, edge, decision.SizeFraction, nowMs);
            case EdgeAction.Close when held != 0m && _opensInFlight == 0 && _closesInFlight == 0 && _throttle.CanClose(nowMs):
                return PlanClose(spot, perp, nowMs);
            default:
                return null;
        }
    }

    private bool CanOpen(long nowMs) =>
        !_halted && _closesInFlight == 0 && _opensInFlight < _options.ParallelTasks && _last.OpenQuantity > 0m && _throttle.CanOpen(nowMs);

    // The size a new trade would have: risk budget over the basis volatility, capped by MAX_POSITION_USD less what
    // is held and reserved, then by what the visible depth fills on all four sides (the open and reverse trades).
    // Depth is walked only as far as the risk-sized quantity reaches, to keep the hot path short.
    private decimal OpenQuantity(OrderBook spot, OrderBook perp, decimal price, decimal room, double volatilityBps)
    {
        var input = new SizingInput(_options.Sizing, volatilityBps, price, _spotLot, _perpLot, decimal.MaxValue, room);
        var size = PositionSizer.Size(input);
        if (!size.CanTrade)
        {
            return 0m;
        }

        var wanted = size.Quantity;
        var depth = Math.Min(
            Math.Min(spot.Asks.Take(wanted).FilledQuantity, spot.Bids.Take(wanted).FilledQuantity),
            Math.Min(perp.Asks.Take(wanted).FilledQuantity, perp.Bids.Take(wanted).FilledQuantity));
        var quantity = depth >= wanted ? wanted : PositionSizer.Size(input with { DepthQuantity = depth }).Quantity;

        // An open reserves what its spot leg costs at the depth-walk price, above the bid sized at: when that is
        // more than the room, size again at that price (a smaller quantity walks no further, so it then fits).
        var cost = spot.Asks.Take(quantity).Notional;
        return quantity > 0m && cost > room
            ? PositionSizer.Size(input with { Price = cost / quantity, DepthQuantity = quantity }).Quantity
            : quantity;
    }

    // MAX_POSITION_USD less what is held and reserved; within MAX_EXPOSURE_USD too, so the risk check shrinks or
    // refuses only in a race with another symbol.
    private decimal Room(decimal price, decimal held)
    {
        var room = _options.Sizing.MaxPositionUsd - (Math.Abs(held) * price) - _reservedNotional;
        return _gate is null ? room : Math.Min(room, _gate.ExposureRoom);
    }

    private PairPlan? PlanOpen(OrderBook spot, OrderBook perp, PairKind kind, decimal edgeBps, decimal fraction, long nowMs)
    {
        var quantity = _last.OpenQuantity;
        if (fraction < 1m)
        {
            quantity = LotMath.RoundDown(quantity * Math.Max(fraction, 0m), _commonStep);
            if (quantity <= 0m || !MeetsMinimums(quantity, _last.SpotBuyPrice))
            {
                return null;
            }
        }

        var reverse = kind == PairKind.OpenReverse;
        var spotFill = reverse ? spot.EstimateSell(quantity) : spot.EstimateBuy(quantity);
        var perpFill = reverse ? perp.EstimateBuy(quantity) : perp.EstimateSell(quantity);
        if (!spotFill.IsComplete || !perpFill.IsComplete)
        {
            return null;
        }

        var reserved = quantity * spotFill.AveragePrice;
        if (_gate is not null)
        {
            // MAX_POSITION_USD and MAX_EXPOSURE_USD across every symbol, in flight included: refused, or shrunk to the room.
            var check = _gate.TryReserve(Symbol, reserved);
            if (!check.IsAllowed)
            {
                _refusedOpens++;
                return null;
            }

            if (check.Verdict == OrderVerdict.Shrink)
            {
                var shrunk = LotMath.RoundDown(check.NotionalUsd / spotFill.AveragePrice, _commonStep);
                spotFill = reverse ? spot.EstimateSell(shrunk) : spot.EstimateBuy(shrunk);
                perpFill = reverse ? perp.EstimateBuy(shrunk) : perp.EstimateSell(shrunk);
                if (shrunk <= 0m || !MeetsMinimums(shrunk, spotFill.AveragePrice) || shrunk * spotFill.AveragePrice > check.NotionalUsd)
                {
                    _gate.Release(Symbol, check.NotionalUsd);
                    _refusedOpens++;
                    return null;
                }

                quantity = shrunk;
            }

            reserved = check.NotionalUsd;
        }

        var (spotId, perpId) = _ids.NextPair();
        var plan = new PairPlan(
            Symbol,
            kind,
            new OrderIntent(MarketCategory.Spot, Symbol, reverse ? TradeSide.Sell : TradeSide.Buy, quantity, Limit(spotFill.WorstPrice, !reverse, _setup.Spot.TickSize), spotId),
            new OrderIntent(MarketCategory.Linear, Symbol, reverse ? TradeSide.Buy : TradeSide.Sell, quantity, Limit(perpFill.WorstPrice, reverse, _setup.Perp.TickSize), perpId),
            edgeBps,
            spotFill.AveragePrice,
            perpFill.AveragePrice,
            reserved,
            _spotLot,
            _perpLot,
            nowMs);
        _opensInFlight++;
        _reservedNotional += plan.ReservedNotional;
        if (reverse)
        {
            _spotCoinCommitted += quantity;
        }

        _throttle.Record(nowMs);
        return plan;
    }

    // Unwinds what is booked, each leg on its own: the perp position as it stands, and the spot coin bought (net of
    // the fee Bybit took in coin) or sold, rounded down to the spot step. A leg below its exchange minimums is dust
    // and is not sent (quantity 0), so a lone residual on one leg can still be closed.
    private PairPlan? PlanClose(OrderBook spot, OrderBook perp, long nowMs)
    {
        var (spotQuantity, perpQuantity) = ClosableQuantities();
        if (spotQuantity == 0m && perpQuantity == 0m)
        {
            return null;
        }

        var sellSpot = Portfolio.Spot.Quantity > 0m;
        var buyPerp = Portfolio.Perp.Quantity < 0m;
        var spotFill = spotQuantity == 0m ? default : sellSpot ? spot.EstimateSell(spotQuantity) : spot.EstimateBuy(spotQuantity);
        var perpFill = perpQuantity == 0m ? default : buyPerp ? perp.EstimateBuy(perpQuantity) : perp.EstimateSell(perpQuantity);
        if (!spotFill.IsComplete || !perpFill.IsComplete)
        {
            return null;
        }

        var (spotId, perpId) = _ids.NextPair();
        var plan = new PairPlan(
            Symbol,
            PairKind.Close,
            new OrderIntent(MarketCategory.Spot, Symbol, sellSpot ? TradeSide.Sell : TradeSide.Buy, spotQuantity, spotQuantity == 0m ? null : Limit(spotFill.WorstPrice, !sellSpot, _setup.Spot.TickSize), spotId),
            new OrderIntent(MarketCategory.Linear, Symbol, buyPerp ? TradeSide.Buy : TradeSide.Sell, perpQuantity, perpQuantity == 0m ? null : Limit(perpFill.WorstPrice, buyPerp, _setup.Perp.TickSize), perpId, ReduceOnly: true),
            _last.CloseEdgeBps ?? 0m,
            spotFill.AveragePrice == 0m ? SpotMid : spotFill.AveragePrice,
            perpFill.AveragePrice == 0m ? PerpMid : perpFill.AveragePrice,
            0m,
            _spotLot,
            _perpLot,
            nowMs);
        _closesInFlight++;
        _throttle.Record(nowMs);
        return plan;
    }

    // What a close can send on each leg: 0 where the leg is below the exchange's minimum quantity or notional.
    private (decimal Spot, decimal Perp) ClosableQuantities()
    {
        var spot = LotMath.RoundDown(Math.Abs(Portfolio.Spot.Quantity), _spotLot.QtyStep);
        var perp = Math.Abs(Portfolio.Perp.Quantity);
        var price = SpotMid;
        return (
            spot >= _spotLot.MinQty && spot > 0m && spot * price >= _spotLot.MinNotional ? spot : 0m,
            perp >= _perpLot.MinQty && perp > 0m && perp * price >= _perpLot.MinNotional ? perp : 0m);
    }

    // The depth-walk price moved SLIPPAGE_TOLERANCE_BPS against us, kept on the tick grid on the near side so the
    // limit never allows more than the tolerance (and never less than the walk price, which is on the grid).
    private decimal Limit(decimal worstPrice, bool buy, decimal tick)
    {
        if (_options.SlippageToleranceBps == 0m || tick <= 0m)
        {
            return worstPrice;
        }

        var moved = worstPrice * (buy ? 1m + (_options.SlippageToleranceBps / Bps) : 1m - (_options.SlippageToleranceBps / Bps));
        var ticks = buy ? Math.Floor(moved / tick) : Math.Ceiling(moved / tick);
        return ticks * tick;
    }

    private bool MeetsMinimums(decimal quantity, decimal price) =>
        quantity >= _spotLot.MinQty && quantity >= _perpLot.MinQty
        && quantity * price >= _spotLot.MinNotional && quantity * price >= _perpLot.MinNotional;
}
