using Arb.Simulator.Market;

namespace Arb.Simulator.Trading;

/// <summary>One level's share of a taker order.</summary>
internal readonly record struct PlannedFill(decimal Price, decimal Qty);

/// <summary>The fills a taker order would get, best level first, before anything is changed.</summary>
internal sealed record LiquidityPlan(IReadOnlyList<PlannedFill> Fills)
{
    public static LiquidityPlan Empty { get; } = new([]);

    public decimal Qty => Fills.Sum(f => f.Qty);

    public decimal Value => Fills.Sum(f => f.Price * f.Qty);

    /// <summary>The same fills, best first, cut so their quantity stays within <paramref name="maxQty"/>.</summary>
    public LiquidityPlan UpToQty(decimal maxQty)
    {
        var fills = new List<PlannedFill>();
        var room = maxQty;
        foreach (var fill in Fills)
        {
            var take = Math.Min(fill.Qty, room);
            if (take <= 0)
            {
                break;
            }

            fills.Add(fill with { Qty = take });
            room -= take;
        }

        return new LiquidityPlan(fills);
    }

    /// <summary>The same fills cut so their value stays within <paramref name="maxValue"/>; a cut level keeps whole lots.</summary>
    public LiquidityPlan UpToValue(decimal maxValue, decimal lotSize)
    {
        var fills = new List<PlannedFill>();
        var room = maxValue;
        foreach (var fill in Fills)
        {
            var take = fill.Price * fill.Qty <= room ? fill.Qty : Math.Floor(room / fill.Price / lotSize) * lotSize;
            if (take <= 0)
            {
                break;
            }

            fills.Add(fill with { Qty = take });
            room -= fill.Price * take;
            if (take < fill.Qty)
            {
                break; // the deeper levels are dearer: a cut level ends the walk
            }
        }

        return new LiquidityPlan(fills);
    }
}

/// <summary>
/// Walks a book's opposite side best first. Planning and consuming are separate so a FOK order or a balance
/// check can look at the whole outcome before the book changes.
/// </summary>
internal static class LiquidityWalk
{
    /// <summary>Up to <paramref name="qty"/> base, at prices no worse than <paramref name="limit"/> (none: any price).</summary>
    public static LiquidityPlan ForBase(SimBook book, SimSide side, decimal? limit, decimal qty)
    {
        var levels = Opposite(book, side);
        var fills = new List<PlannedFill>();
        var remaining = qty;
        for (var i = 0; i < levels.Count && remaining > 0; i++)
        {
            var (ticks, size) = levels[i];
            var price = book.Price(ticks);
            if (limit is { } l && (side == SimSide.Buy ? price > l : price < l))
            {
                break;
            }

            var take = Math.Min(size, remaining);
            fills.Add(new PlannedFill(price, take));
            remaining -= take;
        }

        return new LiquidityPlan(fills);
    }

    /// <summary>
    /// A spot market Buy of <paramref name="amount"/> quote coin: whole levels while the amount covers them, then
    /// the part of the next level the rest buys, rounded down to the lot (base precision); the unspendable rest stays.
    /// </summary>
    public static LiquidityPlan ForQuote(SimBook book, decimal amount)
    {
        var fills = new List<PlannedFill>();
        var remaining = amount;
        for (var i = 0; i < book.Asks.Count && remaining > 0; i++)
        {
            var (ticks, size) = book.Asks[i];
            var price = book.Price(ticks);
            var take = price * size <= remaining ? size : Math.Floor(remaining / price / book.LotSize) * book.LotSize;
            if (take <= 0)
            {
                break;
            }

            fills.Add(new PlannedFill(price, take));
            remaining -= price * take;
        }

        return new LiquidityPlan(fills);
    }

    /// <summary>Removes a plan's quantities from the book; the plan must come from this book's current levels.</summary>
    public static void Consume(SimBook book, SimSide side, LiquidityPlan plan)
    {
        var levels = Opposite(book, side);

        // Deepest first, so removing an emptied level never shifts one still to be taken.
        for (var i = plan.Fills.Count - 1; i >= 0; i--)
        {
            levels.Take(i, plan.Fills[i].Qty);
        }
    }

    private static SimBookSide Opposite(SimBook book, SimSide side) => side == SimSide.Buy ? book.Asks : book.Bids;
}
