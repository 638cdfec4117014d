namespace Arb.Domain.Books;

/// <summary>One price level of a book side: a price and the resting size there (base coin).</summary>
public readonly record struct PriceLevel(decimal Price, decimal Size);
