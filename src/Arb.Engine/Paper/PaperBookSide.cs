using Arb.Domain.Books;

namespace Arb.Engine.Paper;

/// <summary>
/// One side of a copied book: the best <c>depth</c> levels, best first, in arrays allocated once. Paper fills lower
/// the sizes in place (a level taken to zero stays, empty, until the next copy), so a second order before the next
/// book update sees only what the first one left. Not thread-safe: <see cref="PaperBook"/> locks around it.
/// </summary>
internal sealed class PaperBookSide(int depth)
{
    private readonly decimal[] _prices = new decimal[depth];
    private readonly decimal[] _sizes = new decimal[depth];

    public int Count { get; private set; }

    /// <summary>The price and remaining size of a copied level (0 = best).</summary>
    public PriceLevel this[int index] => (uint)index < (uint)Count
        ? new PriceLevel(_prices[index], _sizes[index])
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"the side holds {Count} levels");

    /// <summary>Replaces the copy with the best levels of <paramref name="side"/>; allocates nothing.</summary>
    public void CopyFrom(BookSide side)
    {
        var count = Math.Min(side.Count, _prices.Length);
        for (var i = 0; i < count; i++)
        {
            var level = side[i];
            _prices[i] = level.Price;
            _sizes[i] = level.Size;
        }

        Count = count;
    }

    public void Clear() => Count = 0;

    /// <summary>
    /// Walks the levels best first, adding to <paramref name="fills"/> one entry per level touched, up to
    /// <paramref name="quantity"/>, stopping at the first level beyond <paramref name="limit"/> (a buy takes asks at or
    /// below it, a sell bids at or above it; null: any price). Changes nothing.
    /// </summary>
    public void Plan(decimal quantity, decimal? limit, bool buying, List<PlannedFill> fills)
    {
        var remaining = quantity;
        for (var i = 0; i < Count && remaining > 0m; i++)
        {
            var size = _sizes[i];
            if (size <= 0m)
            {
                continue; // emptied by an earlier paper order
            }

            var price = _prices[i];
            if (limit is { } bound && (buying ? price > bound : price < bound))
            {
                break;
            }

            var take = Math.Min(size, remaining);
            fills.Add(new PlannedFill(i, price, take));
            remaining -= take;
        }
    }

    /// <summary>Removes what a plan from the current copy takes.</summary>
    public void Consume(List<PlannedFill> fills)
    {
        foreach (var fill in fills)
        {
            _sizes[fill.Level] -= fill.Quantity;
        }
    }
}
