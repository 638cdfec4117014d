using Arb.Domain.Market;
using Arb.Strategy.Sizing;

namespace Arb.Engine.Backtest;

/// <summary>
/// The best net PnL any estimator could have made on the same quotes, entries and exits chosen knowing the future:
/// the yardstick a backtest's result is read against ("what share of what was there did it take").
/// </summary>
/// <remarks>
/// <para>Per symbol, the oracle holds either nothing or one position of a fixed quantity <c>q</c>: long spot, short
/// perp, the trade the engine opens. <c>q</c> is the largest the limits allow, MAX_POSITION_USD (or the symbol's equal
/// share of MAX_EXPOSURE_USD when that is smaller) at the first spot ask, rounded down to both legs' common step.
/// An open at a quote pays <c>q·ask_spot·(1+fee_spot) − q·bid_perp·(1−fee_perp)</c>; a close receives
/// <c>q·bid_spot·(1−fee_spot) − q·ask_perp·(1+fee_perp)</c>; a funding settlement while held adds
/// <c>q·mark·rate</c>. Either is possible only when the quoted quantities on the sides it takes cover <c>q</c>.</para>
/// <para>After every quote of the symbol (with both books known) a two-state dynamic programme keeps the best cash
/// reachable flat and holding: <c>held' = max(held, flat + open)</c>, <c>flat' = max(flat, held + close)</c>. The
/// answer is the final flat value: exact over every sequence of opens and closes, in exact decimals.</para>
/// <para>It is an upper bound, not a forecast: it ignores the cooldown, the daily trade count and the drawdown
/// limits, has no latency, and always trades the largest size, where the engine sizes by volatility.</para>
/// </remarks>
public sealed class HindsightOracle
{
    private readonly Dictionary<string, SymbolOracle> _symbols = new(StringComparer.Ordinal);
    private readonly decimal _spotFee;
    private readonly decimal _perpFee;

    /// <param name="notionalUsd">The position's value at the first price (see remarks).</param>
    /// <param name="steps">Each symbol's common quantity step of both legs.</param>
    public HindsightOracle(decimal notionalUsd, decimal spotTakerFee, decimal perpTakerFee, IReadOnlyDictionary<string, decimal> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(notionalUsd);
        _spotFee = spotTakerFee;
        _perpFee = perpTakerFee;
        foreach (var (symbol, step) in steps)
        {
            _symbols[symbol] = new SymbolOracle(notionalUsd, step);
        }
    }

    /// <summary>A quote of one market; <paramref name="bidQty"/>/<paramref name="askQty"/> null when the data has no quantities (unlimited).</summary>
    public void OnQuote(string symbol, MarketCategory category, decimal bid, decimal ask, decimal? bidQty, decimal? askQty)
    {
        if (!_symbols.TryGetValue(symbol, out var oracle))
        {
            return;
        }

        var quote = new Quote(bid, ask, bidQty, askQty);
        if (category == MarketCategory.Spot)
        {
            oracle.Spot = quote;
        }
        else
        {
            oracle.Perp = quote;
        }

        oracle.Step(_spotFee, _perpFee);
    }

    /// <summary>A funding settlement of the symbol's perp at <paramref name="rate"/> and <paramref name="markPrice"/>.</summary>
    public void OnFunding(string symbol, decimal rate, decimal markPrice)
    {
        if (_symbols.TryGetValue(symbol, out var oracle))
        {
            oracle.Fund(rate, markPrice);
        }
    }

    public OracleFigures Result()
    {
        var bySymbol = _symbols.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value.Flat, StringComparer.Ordinal);
        var quantities = _symbols.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value.Quantity, StringComparer.Ordinal);
        return new OracleFigures(bySymbol.Values.Sum(), _symbols.Values.Sum(s => s.FlatTrips), bySymbol, quantities);
    }

    private readonly record struct Quote(decimal Bid, decimal Ask, decimal? BidQty, decimal? AskQty)
    {
        public bool IsSet => Ask > 0m;

        public bool BidCovers(decimal quantity) => BidQty is not { } available || available >= quantity;

        public bool AskCovers(decimal quantity) => AskQty is not { } available || available >= quantity;
    }

    private sealed class SymbolOracle(decimal notionalUsd, decimal step)
    {
        private bool _canHold;
        private decimal _held;
        private int _heldTrips;

        public Quote Spot { get; set; }

        public Quote Perp { get; set; }

        public decimal Quantity { get; private set; }

        public decimal Flat { get; private set; }

        public int FlatTrips { get; private set; }

        public void Step(decimal spotFee, decimal perpFee)
        {
            if (!Spot.IsSet || !Perp.IsSet)
            {
                return;
            }

            if (Quantity == 0m)
            {
                Quantity = LotMath.RoundDown(notionalUsd / Spot.Ask, step);
                if (Quantity <= 0m)
                {
                    return;
                }
            }

            var q = Quantity;
            var (flat, flatTrips, held, heldTrips, canHold) = (Flat, FlatTrips, _held, _heldTrips, _canHold);
            if (Spot.AskCovers(q) && Perp.BidCovers(q))
            {
                var afterOpen = flat - (q * Spot.Ask * (1m + spotFee)) + (q * Perp.Bid * (1m - perpFee));
                if (!canHold || afterOpen > held)
                {
                    (_held, _heldTrips, _canHold) = (afterOpen, flatTrips, true);
                }
            }

            if (canHold && Spot.BidCovers(q) && Perp.AskCovers(q))
            {
                var afterClose = held + (q * Spot.Bid * (1m - spotFee)) - (q * Perp.Ask * (1m + perpFee));
                if (afterClose > flat)
                {
                    (Flat, FlatTrips) = (afterClose, heldTrips + 1);
                }
            }
        }

        public void Fund(decimal rate, decimal markPrice)
        {
            if (_canHold)
            {
                _held += Quantity * markPrice * rate;
            }
        }
    }
}
