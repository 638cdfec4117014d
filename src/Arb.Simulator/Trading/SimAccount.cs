using Arb.Domain.Market;

namespace Arb.Simulator.Trading;

/// <summary>
/// One simulated Bybit unified account: credentials, a wallet per coin, fee rates, one-way linear positions,
/// orders, executions and the events the private stream will push. Callers hold <c>SimMarket.Gate</c>.
/// </summary>
public sealed class SimAccount
{
    private readonly Dictionary<string, SimCoinBalance> _coins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimPosition> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimOrder> _orders = new(StringComparer.Ordinal);

    // Keyed by category too: Bybit's spot and derivatives engines keep separate client ids.
    private readonly HashSet<(MarketCategory, string)> _usedOrderLinkIds = [];
    private readonly List<SimExecution> _executions = [];
    private readonly List<SimAccountEvent> _events = [];

    public SimAccount(string apiKey, string apiSecret, IEnumerable<KeyValuePair<string, decimal>> startBalances)
    {
        ArgumentNullException.ThrowIfNull(startBalances);
        ApiKey = apiKey;
        ApiSecret = apiSecret;
        foreach (var (coin, amount) in startBalances)
        {
            _coins[coin] = new SimCoinBalance(coin, amount);
        }
    }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    public SimFeeRates SpotFees { get; set; } = SimFeeRates.SpotDefault;

    public SimFeeRates LinearFees { get; set; } = SimFeeRates.LinearDefault;

    public IReadOnlyDictionary<string, SimCoinBalance> Coins => _coins;

    public IReadOnlyDictionary<string, SimPosition> Positions => _positions;

    /// <summary>Every order by orderId, open and finished.</summary>
    public IReadOnlyDictionary<string, SimOrder> Orders => _orders;

    /// <summary>Fills and funding settlements, oldest first.</summary>
    public IReadOnlyList<SimExecution> Executions => _executions;

    /// <summary>Changes not yet taken by <see cref="DrainEvents"/>, oldest first.</summary>
    public IReadOnlyList<SimAccountEvent> PendingEvents => _events;

    public SimFeeRates Fees(MarketCategory category) => category == MarketCategory.Spot ? SpotFees : LinearFees;

    /// <summary>The coin's balance, created at zero when the account has never held it.</summary>
    public SimCoinBalance Coin(string coin)
    {
        if (!_coins.TryGetValue(coin, out var balance))
        {
            balance = new SimCoinBalance(coin, 0m);
            _coins[coin] = balance;
        }

        return balance;
    }

    /// <summary>The linear position of a symbol, created flat (leverage 10) on first use.</summary>
    public SimPosition Position(string symbol)
    {
        if (!_positions.TryGetValue(symbol, out var position))
        {
            position = new SimPosition(symbol);
            _positions[symbol] = position;
        }

        return position;
    }

    /// <summary>Sets a symbol's leverage (one-way mode: buy and sell equal); 110043 when unchanged.</summary>
    public int SetLeverage(string symbol, int leverage)
    {
        if (leverage < 1 || leverage > 100)
        {
            return SimRetCodes.ParamsError;
        }

        var position = Position(symbol);
        if (position.Leverage == leverage)
        {
            return SimRetCodes.LeverageNotModified;
        }

        position.Leverage = leverage;
        return SimRetCodes.Ok;
    }

    /// <summary>Margin held by all linear positions (USDT).</summary>
    public decimal PositionMargin => _positions.Values.Sum(p => p.InitialMargin);

    /// <summary>USDT a new linear order may use: available balance less position margin.</summary>
    public decimal LinearAvailable => Coin(Trading.Coins.Usdt).Available - PositionMargin;

    public IEnumerable<SimOrder> OpenOrders => _orders.Values.Where(o => o.IsOpen);

    public SimOrder? FindOrder(MarketCategory category, string symbol, string? orderId, string? orderLinkId) =>
        _orders.Values.FirstOrDefault(o => o.Category == category && o.Symbol == symbol
            && (string.IsNullOrEmpty(orderId) || o.OrderId == orderId)
            && (string.IsNullOrEmpty(orderLinkId) || o.OrderLinkId == orderLinkId)
            && !(string.IsNullOrEmpty(orderId) && string.IsNullOrEmpty(orderLinkId)));

    /// <summary>Takes the pending events (the private stream pushes them in this order).</summary>
    public IReadOnlyList<SimAccountEvent> DrainEvents()
    {
        var drained = _events.ToArray();
        _events.Clear();
        return drained;
    }

    internal bool IsOrderLinkIdUsed(MarketCategory category, string orderLinkId) => _usedOrderLinkIds.Contains((category, orderLinkId));

    internal void UseOrderLinkId(MarketCategory category, string orderLinkId) => _usedOrderLinkIds.Add((category, orderLinkId));

    internal void Store(SimOrder order) => _orders[order.OrderId] = order;

    internal void Record(SimExecution execution) => _executions.Add(execution);

    internal void Emit(SimAccountEvent change) => _events.Add(change);
}
