namespace Arb.Engine.Paper;

/// <summary>
/// The paper wallet (a balance per coin, exact decimals) and the linear positions by symbol. Spot fills move the
/// base and quote coins; linear fills move the settle coin by their realised PnL less the fee. Not thread-safe:
/// the venue's account lock guards it.
/// </summary>
internal sealed class PaperAccount
{
    private readonly Dictionary<string, decimal> _balances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaperLinearPosition> _positions = new(StringComparer.Ordinal);

    public PaperAccount(IReadOnlyDictionary<string, decimal> startingBalances, string settleCoin)
    {
        SettleCoin = settleCoin;
        foreach (var (coin, amount) in startingBalances)
        {
            _balances[coin] = amount;
        }
    }

    public string SettleCoin { get; }

    public IReadOnlyDictionary<string, decimal> Balances => _balances;

    public IEnumerable<PaperLinearPosition> Positions => _positions.Values;

    public decimal Balance(string coin) => _balances.GetValueOrDefault(coin);

    /// <summary>The symbol's position; flat when it never traded.</summary>
    public decimal PositionSize(string symbol) => _positions.TryGetValue(symbol, out var position) ? position.Leg.Quantity : 0m;

    public PaperLinearPosition? FindPosition(string symbol) => _positions.GetValueOrDefault(symbol);

    /// <summary>A spot buy receives the quantity less its fee (charged in the base coin) for the value in quote coin;
    /// a sell gives the quantity for the value less its fee (charged in the quote coin).</summary>
    public void ApplySpot(string baseCoin, string quoteCoin, bool buy, decimal quantity, decimal price, decimal fee)
    {
        var value = quantity * price;
        if (buy)
        {
            Add(quoteCoin, -value);
            Add(baseCoin, quantity - fee);
        }
        else
        {
            Add(baseCoin, -quantity);
            Add(quoteCoin, value - fee);
        }
    }

    /// <summary>Books a linear fill: the position moves, the settle coin gains the realised PnL less the fee.</summary>
    public PaperLinearPosition ApplyLinear(string symbol, decimal signedQuantity, decimal price, decimal fee)
    {
        if (!_positions.TryGetValue(symbol, out var position))
        {
            position = new PaperLinearPosition(symbol);
            _positions[symbol] = position;
        }

        var realised = position.Apply(signedQuantity, price, fee);
        Add(SettleCoin, realised - fee);
        return position;
    }

    /// <summary>A funding settlement moves the settle coin by what the position received (negative: paid).</summary>
    public void ApplyFunding(decimal received) => Add(SettleCoin, received);

    private void Add(string coin, decimal amount) => _balances[coin] = Balance(coin) + amount;
}
