using Arb.Domain.Books;

namespace Arb.Bybit.Parsing;

/// <summary>A reusable, growable list of price levels that a parse fills and the next parse overwrites.</summary>
public sealed class LevelBuffer
{
    private PriceLevel[] _items = new PriceLevel[64];

    public int Count { get; private set; }

    public ReadOnlySpan<PriceLevel> Span => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(PriceLevel level)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = level;
    }
}
