namespace Arb.Domain.Books;

/// <summary>
/// One side of an order book: price levels kept sorted with the best price at the end of the arrays, so
/// the frequent changes near the top move few elements. Arrays grow while warming up and are then reused:
/// applying updates allocates nothing in steady state.
/// </summary>
public sealed class BookSide
{
    private readonly bool _isBid;
    private decimal[] _prices;
    private decimal[] _sizes;
    private int _count;

    public BookSide(bool isBid, int initialCapacity = 64)
    {
        _isBid = isBid;
        _prices = new decimal[Math.Max(initialCapacity, 4)];
        _sizes = new decimal[_prices.Length];
    }

    public bool IsBid => _isBid;

    public int Count => _count;

    /// <summary>The level <paramref name="index"/> steps away from the best (0 = best).</summary>
    public PriceLevel this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"the side has {_count} levels");
            }

            var i = _count - 1 - index;
            return new PriceLevel(_prices[i], _sizes[i]);
        }
    }

    public bool TryGetBest(out PriceLevel best)
    {
        if (_count == 0)
        {
            best = default;
            return false;
        }

        best = new PriceLevel(_prices[_count - 1], _sizes[_count - 1]);
        return true;
    }

    public void Clear() => _count = 0;

    /// <summary>Sets the absolute size at a price: zero deletes the level, an unknown price inserts it.</summary>
    public void Set(decimal price, decimal size)
    {
        var index = Find(price);
        if (index >= 0)
        {
            if (size == 0m)
            {
                RemoveAt(index);
            }
            else
            {
                _sizes[index] = size;
            }

            return;
        }

        if (size == 0m)
        {
            return; // deleting a level we do not hold changes nothing
        }

        InsertAt(~index, price, size);
    }

    /// <summary>
    /// Fills this side from a snapshot in any order. Duplicate prices keep the last size; zero sizes are skipped.
    /// </summary>
    public void Load(ReadOnlySpan<PriceLevel> levels)
    {
        // The exchange sends snapshots best first: store them reversed in one pass when they are strictly
        // ordered with no zero sizes, else fall back to level-by-level inserts.
        EnsureCapacity(levels.Length);
        var n = levels.Length;
        var ordered = true;
        for (var k = 0; k < n; k++)
        {
            var level = levels[k];
            if (level.Size <= 0m || (k > 0 && !IsBetter(levels[k - 1].Price, level.Price)))
            {
                ordered = false;
                break;
            }

            _prices[n - 1 - k] = level.Price;
            _sizes[n - 1 - k] = level.Size;
        }

        if (ordered)
        {
            _count = n;
            return;
        }

        _count = 0;
        foreach (var level in levels)
        {
            Set(level.Price, level.Size);
        }
    }

    private bool IsBetter(decimal a, decimal b) => _isBid ? a > b : a < b;

    private void EnsureCapacity(int capacity)
    {
        if (capacity <= _prices.Length)
        {
            return;
        }

        var size = _prices.Length;
        while (size < capacity)
        {
            size *= 2;
        }

        Array.Resize(ref _prices, size);
        Array.Resize(ref _sizes, size);
    }

    /// <summary>
    /// Walks this side from the best level, taking up to <paramref name="quantity"/> base units.
    /// </summary>
    public DepthFill Take(decimal quantity)
    {
        if (quantity <= 0m)
        {
            return new DepthFill(quantity, 0m, 0m, 0m);
        }

        var remaining = quantity;
        var notional = 0m;
        var worst = 0m;
        for (var i = _count - 1; i >= 0 && remaining > 0m; i--)
        {
            var take = Math.Min(remaining, _sizes[i]);
            notional += take * _prices[i];
            remaining -= take;
            worst = _prices[i];
        }

        return new DepthFill(quantity, quantity - remaining, notional, worst);
    }

    /// <summary>Sum of the sizes of the best <paramref name="levels"/> levels.</summary>
    public decimal DepthSize(int levels)
    {
        var total = 0m;
        var stop = Math.Max(0, _count - levels);
        for (var i = _count - 1; i >= stop; i--)
        {
            total += _sizes[i];
        }

        return total;
    }

    // Binary search in "worse to better" order: ascending prices for bids, descending for asks.
    private int Find(decimal price)
    {
        var lo = 0;
        var hi = _count - 1;
        var prices = _prices;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = prices[mid].CompareTo(price);
            if (!_isBid)
            {
                cmp = -cmp;
            }

            if (cmp == 0)
            {
                return mid;
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    private void InsertAt(int index, decimal price, decimal size)
    {
        EnsureCapacity(_count + 1);

        var tail = _count - index;
        if (tail > 0)
        {
            Array.Copy(_prices, index, _prices, index + 1, tail);
            Array.Copy(_sizes, index, _sizes, index + 1, tail);
        }

        _prices[index] = price;
        _sizes[index] = size;
        _count++;
    }

    private void RemoveAt(int index)
    {
        var tail = _count - index - 1;
        if (tail > 0)
        {
            Array.Copy(_prices, index + 1, _prices, index, tail);
            Array.Copy(_sizes, index + 1, _sizes, index, tail);
        }

        _count--;
    }
}
