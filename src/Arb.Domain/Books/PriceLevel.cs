namespace Arb.Domain.Books;

/// <summary>One price level of a book side: a price and the resting size there (base coin).</summary>
public readonly record struct PriceLevel
{
    public PriceLevel(decimal price, decimal size)
        : this(price, size, PriceKey.Of(price))
    {
    }

    /// <summary>For parsers that already know the key: <paramref name="key"/> must equal <c>PriceKey.Of(price)</c>.</summary>
    public PriceLevel(decimal price, decimal size, long key)
    {
        Price = price;
        Size = size;
        Key = key;
    }

    public decimal Price { get; }

    public decimal Size { get; }

    /// <summary>The price's <see cref="PriceKey"/>, used to keep book sides sorted quickly.</summary>
    public long Key { get; }

    public void Deconstruct(out decimal price, out decimal size)
    {
        price = Price;
        size = Size;
    }

    public override string ToString() => $"{Price} x {Size}";
}
