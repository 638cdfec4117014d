namespace Arb.Simulator.Market;

/// <summary>One side of a synthetic book: prices in whole ticks, sizes exact, best level first.</summary>
public sealed class SimBookSide
{
    private (long Ticks, decimal Size)[] _levels = new (long, decimal)[256];

    public int Count { get; private set; }

    public (long Ticks, decimal Size) this[int index] =>
        (uint)index < (uint)Count ? _levels[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The best <paramref name="depth"/> levels.</summary>
    public IEnumerable<(long Ticks, decimal Size)> Top(int depth) => _levels.Take(Math.Min(depth, Count));

    /// <summary>Copies the best <paramref name="depth"/> levels into <paramref name="target"/> (cleared first).</summary>
    public void CopyTop(int depth, List<(long Ticks, decimal Size)> target)
    {
        target.Clear();
        target.AddRange(_levels.AsSpan(0, Math.Min(depth, Count)));
    }

    internal void Clear() => Count = 0;

    internal void Add(long ticks, decimal size)
    {
        if (Count == _levels.Length)
        {
            Array.Resize(ref _levels, _levels.Length * 2);
        }

        _levels[Count++] = (ticks, size);
    }

    /// <summary>Removes <paramref name="size"/> from the level at <paramref name="index"/> (a taker consumed it); an emptied level goes.</summary>
    internal void Take(int index, decimal size)
    {
        var (ticks, available) = this[index];
        if (size <= 0 || size > available)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "more than the level holds");
        }

        if (size < available)
        {
            _levels[index] = (ticks, available - size);
            return;
        }

        Array.Copy(_levels, index + 1, _levels, index, Count - index - 1);
        Count--;
    }

    /// <summary>Replaces every level (tests set exact books with it); best first.</summary>
    internal void Set(IEnumerable<(long Ticks, decimal Size)> levels)
    {
        Clear();
        foreach (var (ticks, size) in levels)
        {
            Add(ticks, size);
        }
    }

    /// <summary>Overwrites the level at <paramref name="index"/> (a recorded top of book).</summary>
    internal void Set(int index, long ticks, decimal size)
    {
        _ = this[index];
        _levels[index] = (ticks, size);
    }
}
