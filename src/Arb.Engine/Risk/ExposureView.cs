namespace Arb.Engine.Risk;

/// <summary>
/// One symbol's exposure in USD: the notional held (one leg of the hedged pair, as the symbol's engine counts it
/// against MAX_POSITION_USD) and the notional reserved by opens in flight. Both are absolute amounts.
/// </summary>
public sealed record SymbolExposure(string Symbol, decimal HeldUsd, decimal ReservedUsd)
{
    public decimal TotalUsd => HeldUsd + ReservedUsd;
}

/// <summary>Every symbol's exposure at the moment an open is checked.</summary>
public sealed record ExposureView(IReadOnlyList<SymbolExposure> Symbols)
{
    public static ExposureView Empty { get; } = new([]);

    public decimal HeldUsd => Symbols.Sum(s => s.HeldUsd);

    public decimal ReservedUsd => Symbols.Sum(s => s.ReservedUsd);

    public decimal TotalUsd => HeldUsd + ReservedUsd;

    /// <summary>The symbol's exposure; zero for a symbol the view does not list.</summary>
    public SymbolExposure Of(string symbol)
    {
        foreach (var s in Symbols)
        {
            if (string.Equals(s.Symbol, symbol, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return new SymbolExposure(symbol, 0m, 0m);
    }
}
