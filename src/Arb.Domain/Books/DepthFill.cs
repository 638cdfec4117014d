namespace Arb.Domain.Books;

/// <summary>
/// What taking a quantity from one side of a book would cost: how much the visible depth can fill and the
/// volume-weighted average price of that part.
/// </summary>
/// <param name="RequestedQuantity">The base quantity asked for.</param>
/// <param name="FilledQuantity">The part of it the visible levels hold (at most the request).</param>
/// <param name="Notional">Sum of price × quantity over the filled part, in quote coin.</param>
/// <param name="WorstPrice">The last level touched; zero when nothing fills.</param>
public readonly record struct DepthFill(decimal RequestedQuantity, decimal FilledQuantity, decimal Notional, decimal WorstPrice)
{
    /// <summary>True when the visible depth covers the whole request.</summary>
    public bool IsComplete => FilledQuantity == RequestedQuantity;

    /// <summary>Volume-weighted average price of the filled part; zero when nothing fills.</summary>
    public decimal AveragePrice => FilledQuantity == 0m ? 0m : Notional / FilledQuantity;
}
