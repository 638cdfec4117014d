namespace Arb.Domain.Books;

/// <summary>
/// One side of an order book: price levels kept sorted best first. Levels appear and vanish mostly at the far
/// end of the subscribed window as it slides, where inserting and deleting move few elements. Searches
/// compare 64-bit price keys (see <see cref="PriceKey"/>). The array grows while warming up and is then reused:
/// applying updates allocates nothing in steady state.
/// </summary>
public sealed class BookSide
{
    private readonly bool _isBid;
    private Slot[] _slots;
    private int _count;

    // False once a price without a 64-bit key (see PriceKey) is stored: searches then compare decimals.
    private bool _keyed = true;

    public BookSide(bool isBid, int initialCapacity = 64)
    {
        _isBid = isBid;
        _slots = new Slot[Math.Max(initialCapacity, 4)];
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

            ref readonly var slot = ref _slots[index];
            return new PriceLevel(slot.Price, slot.Size);
        }
    }

    /// <summary>True when both sides' best levels cross (bid at or above ask). Compares keys when both have them.</summary>
    internal static bool Crosses(BookSide bids, BookSide asks)
    {
        if (bids._count == 0 || asks._count == 0)
        {
            return false;
        }

        ref readonly var bid = ref bids._slots[0];
        ref readonly var ask = ref asks._slots[0];
        return bids._keyed && asks._keyed ? -bid.Key >= ask.Key : bid.Price >= ask.Price;
    }

    public bool TryGetBest(out PriceLevel best)
    {
        if (_count == 0)
        {
            best = default;
            return false;
        }

        ref readonly var slot = ref _slots[0];
        best = new PriceLevel(slot.Price, slot.Size);
        return true;
    }

    public void Clear()
    {
        _count = 0;
        _keyed = true;
    }

    /// <summary>Sets the absolute size at a price: zero deletes the level, an unknown price inserts it.</summary>
    public void Set(decimal price, decimal size) => Set(new PriceLevel(price, size));

    /// <inheritdoc cref="Set(decimal, decimal)"/>
    public void Set(in PriceLevel level)
    {
        if (level.Key == PriceKey.None)
        {
            _keyed = false;
        }

        var index = _keyed ? FindByKey(level.Key) : FindByPrice(level.Price);
        var delete = decimal.Sign(level.Size) == 0;
        if (index >= 0)
        {
            if (delete)
            {
                RemoveAt(index);
            }
            else
            {
                _slots[index].Size = level.Size;
            }

            return;
        }

        if (delete)
        {
            return; // deleting a level we do not hold changes nothing
        }

        InsertAt(~index, new Slot(SideKey(level.Key), level.Price, level.Size));
    }

    /// <summary>
    /// Fills this side from a snapshot in any order. Duplicate prices keep the last size; zero sizes are skipped.
    /// </summary>
    public void Load(ReadOnlySpan<PriceLevel> levels)
    {
        // The exchange sends snapshots best first: copy them in one pass when they are strictly ordered with
        // no zero sizes, else fall back to level-by-level inserts.
        Clear();
        EnsureCapacity(levels.Length);
        var n = levels.Length;
        var ordered = true;
        for (var k = 0; k < n; k++)
        {
            var level = levels[k];
            if (level.Size <= 0m || level.Key == PriceKey.None || (k > 0 && !IsBetter(levels[k - 1].Key, level.Key)))
            {
                ordered = false;
                break;
            }

            _slots[k] = new Slot(SideKey(level.Key), level.Price, level.Size);
        }

        if (ordered)
        {
            _count = n;
            return;
        }

        Clear();
        foreach (var level in levels)
        {
            Set(level);
        }
    }

    private bool IsBetter(long a, long b) => _isBid ? a > b : a < b;

    // Bids are stored with negated keys so that both sides ascend in storage order (best first).
    private long SideKey(long priceKey) => _isBid ? -priceKey : priceKey;

    private void EnsureCapacity(int capacity)
    {
        if (capacity <= _slots.Length)
        {
            return;
        }

        var size = _slots.Length;
        while (size < capacity)
        {
            size *= 2;
        }

        Array.Resize(ref _slots, size);
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
        for (var i = 0; i < _count && remaining > 0m; i++)
        {
            ref readonly var slot = ref _slots[i];
            var take = Math.Min(remaining, slot.Size);
            notional += take * slot.Price;
            remaining -= take;
            worst = slot.Price;
        }

        return new DepthFill(quantity, quantity - remaining, notional, worst);
    }

    /// <summary>Sum of the sizes of the best <paramref name="levels"/> levels.</summary>
    public decimal DepthSize(int levels)
    {
        var total = 0m;
        var stop = Math.Min(_count, levels);
        for (var i = 0; i < stop; i++)
        {
            total += _slots[i].Size;
        }

        return total;
    }

    // Lower-bound search over the side-normalised keys (ascending in storage order), written so the JIT
    // emits conditional moves: a mispredicted branch per step would cost more than the comparison.
    private int FindByKey(long priceKey)
    {
        var count = _count;
        if (count == 0)
        {
            return ~0;
        }

        var target = _isBid ? -priceKey : priceKey;
        var slots = _slots;
        var lo = 0;
        while (count > 1)
        {
            var half = count >> 1;
            lo = slots[lo + half - 1].Key < target ? lo + half : lo;
            count -= half;
        }

        var key = slots[lo].Key;
        if (key == target)
        {
            return lo;
        }

        return key < target ? ~(lo + 1) : ~lo;
    }

    private int FindByPrice(decimal price)
    {
        var lo = 0;
        var hi = _count - 1;
        var slots = _slots;
        var sign = _isBid ? -1 : 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = slots[mid].Price.CompareTo(price) * sign;
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

    private void InsertAt(int index, Slot slot)
    {
        EnsureCapacity(_count + 1);
        var tail = _count - index;
        if (tail > 0)
        {
            Array.Copy(_slots, index, _slots, index + 1, tail);
        }

        _slots[index] = slot;
        _count++;
    }

    private void RemoveAt(int index)
    {
        var tail = _count - index - 1;
        if (tail > 0)
        {
            Array.Copy(_slots, index + 1, _slots, index, tail);
        }

        _count--;
    }

    private struct Slot(long key, decimal price, decimal size)
    {
        public readonly long Key = key;
        public readonly decimal Price = price;
        public decimal Size = size;
    }
}
