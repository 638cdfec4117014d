namespace Arb.Simulator.Market;

/// <summary>One side of a synthetic book: prices in whole ticks, sizes exact, best level first.</summary>
public sealed class SimBookSide
{
    private readonly List<(long Ticks, decimal Size)> _levels = [];

    public int Count => _levels.Count;

    public (long Ticks, decimal Size) this[int index] => _levels[index];

    internal void Replace(IEnumerable<(long Ticks, decimal Size)> levels)
    {
        _levels.Clear();
        _levels.AddRange(levels);
    }

    /// <summary>The best <paramref name="depth"/> levels.</summary>
    public IEnumerable<(long Ticks, decimal Size)> Top(int depth) => _levels.Take(depth);
}
