namespace Arb.Engine.Portfolio;

/// <summary>The bot's holdings across symbols and its equity: starting capital plus realised and unrealised PnL.</summary>
public sealed class TradingPortfolio(decimal startingEquityUsd)
{
    private readonly Dictionary<string, SymbolPortfolio> _symbols = new(StringComparer.Ordinal);

    public decimal StartingEquityUsd { get; } = startingEquityUsd;

    public IReadOnlyCollection<SymbolPortfolio> Symbols => _symbols.Values;

    public SymbolPortfolio For(string symbol, string baseCoin)
    {
        if (!_symbols.TryGetValue(symbol, out var portfolio))
        {
            portfolio = new SymbolPortfolio(symbol, baseCoin);
            _symbols[symbol] = portfolio;
        }

        return portfolio;
    }

    /// <summary>Starting equity + net realised + unrealised at the given marks (spot and perp per symbol).</summary>
    public decimal Equity(Func<string, (decimal Spot, decimal Perp)> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var equity = StartingEquityUsd;
        foreach (var portfolio in _symbols.Values)
        {
            var (spot, perp) = marks(portfolio.Symbol);
            equity += portfolio.NetRealized + portfolio.Unrealized(spot, perp);
        }

        return equity;
    }
}
