using System.Threading.Channels;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Engine.Paper;

/// <summary>
/// An in-process simulated exchange (MODE=paper, and the backtester): fills orders at the prices of the live books
/// the bot already receives, through <see cref="BookFeed"/>, and keeps a paper account of balances and linear
/// positions.
/// <list type="bullet">
/// <item>Orders are immediate-or-cancel takers. A limit order walks the copied levels best first while their price is
/// within the limit (a buy at or below it, a sell at or above it); a market order walks the copied depth. One
/// <see cref="Fill"/> per level touched, at that level's price; the rest is cancelled. What fills is removed from the
/// copy, so a second order before the next book update sees less depth; the next update restores the exchange's
/// book. No slippage band, queue position or latency is modelled.</item>
/// <item>Fees are the taker rates of <see cref="PaperVenueOptions"/>, charged like Bybit: a spot buy pays quantity ×
/// rate in the base coin, a spot sell value × rate in the quote coin, a linear fill value × rate in the settle coin.
/// Fees, balances and PnL are exact decimals, never rounded to a coin's precision (Bybit's own fills carry fees finer
/// than the coin's precision too).</item>
/// <item>Spot buys need the quote coin for limit × quantity (a market buy: for the walked value); spot sells need
/// the base coin. Linear positions are one-way (signed size per symbol) with no margin model: any order may open, and
/// the settle coin moves by realised PnL (first in, first out, exact) less fees. A reduce-only order is refused unless
/// it reduces, and trimmed to the position as Bybit does.</item>
/// <item>Every submission's events are written to the channel before <see cref="SubmitAsync"/> returns, in this order:
/// the order (New, or Rejected), each fill, the order's final state (Filled; PartiallyFilledCanceled on spot or
/// Cancelled on linear when the walk stopped short; Cancelled when nothing filled), the position (linear), then the
/// wallet coins that changed. The writer must accept every event without waiting (an unbounded channel): a refused
/// write throws <see cref="InvalidOperationException"/>. Timestamps come from the injected clock; order and execution
/// ids count up (<c>paper-o-1</c>, <c>paper-e-1</c>, ...) so a backtest is reproducible.</item>
/// <item>A refusal (bad intent, unknown instrument, stale book, insufficient balance, reduce-only that would increase)
/// returns Rejected with its reason, emits a Rejected order update and is remembered for queries (so its id counts
/// as used). A duplicate <see cref="OrderIntent.OrderLinkId"/> (per category, as Bybit keeps them) is refused with no
/// event, since the id's events belong to the first order; so is an order without one, which no event could name.</item>
/// </list>
/// Thread-safe: submissions and queries run under one account lock and complete synchronously.
/// </summary>
public sealed partial class PaperVenue : IExecutionVenue
{
    private const string DuplicateLinkId = "duplicate orderLinkId";

    private readonly Lock _gate = new();
    private readonly PaperVenueOptions _options;
    private readonly ChannelWriter<IAccountEvent> _events;
    private readonly TimeProvider _time;
    private readonly PaperAccount _account;
    private readonly Dictionary<(MarketCategory Category, string OrderLinkId), PaperOrder> _orders = [];
    private long _orderCount;
    private long _execCount;

    public PaperVenue(PaperVenueOptions options, ChannelWriter<IAccountEvent> events, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _events = events;
        _time = time;
        _account = new PaperAccount(options.StartingBalances, options.SettleCoin);
        BookFeed = new PaperBookFeed(options.BookDepth);
    }

    /// <summary>The market-data listener that feeds this venue its books and marks.</summary>
    public PaperBookFeed BookFeed { get; }

    public PaperVenueOptions Options => _options;

    public Task<SubmitOutcome> SubmitAsync(OrderIntent order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled<SubmitOutcome>(ct);
        }

        lock (_gate)
        {
            return Task.FromResult(Execute(order, _time.GetUtcNow().ToUnixTimeMilliseconds()));
        }
    }

    /// <summary>The order's state and all its fills; null for an id never submitted here (or another symbol's).</summary>
    public Task<VenueOrderReport?> QueryOrderAsync(MarketCategory category, string symbol, string orderLinkId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var report = _orders.TryGetValue((category, orderLinkId), out var order) && order.Symbol == symbol ? order.Report() : null;
            return Task.FromResult(report);
        }
    }

    /// <summary>
    /// Always false: every paper order is immediate-or-cancel and closed before <see cref="SubmitAsync"/> returns, so
    /// nothing is ever left to cancel, whether the id is known or not.
    /// </summary>
    public Task<bool> CancelAsync(MarketCategory category, string symbol, string orderLinkId, CancellationToken ct = default) =>
        Task.FromResult(false);

    /// <summary>Paper positions and balances; no paper order is ever open.</summary>
    public Task<VenueAccount> GetAccountAsync(IReadOnlyCollection<string> symbols, IReadOnlyCollection<string> coins, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(coins);
        lock (_gate)
        {
            var positions = symbols.ToDictionary(
                s => s,
                s => _account.FindPosition(s)?.Snapshot() is { } p ? new VenuePosition(p.Size, p.EntryPrice) : default,
                StringComparer.Ordinal);
            var balances = coins.ToDictionary(c => c, _account.Balance, StringComparer.Ordinal);
            return Task.FromResult(new VenueAccount(positions, balances, []));
        }
    }

    /// <summary>Every paper fill of the symbols since the moment (paper has no funding).</summary>
    public Task<VenueHistory> GetHistoryAsync(IReadOnlyCollection<string> symbols, long sinceMs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        lock (_gate)
        {
            var fills = _orders.Values.SelectMany(o => o.Fills)
                .Where(f => f.TimestampMs >= sinceMs && symbols.Contains(f.Symbol))
                .OrderBy(f => f.TimestampMs)
                .ToList();
            return Task.FromResult(new VenueHistory(fills, []));
        }
    }

    /// <summary>The wallet balance of one coin; zero for a coin never held.</summary>
    public decimal Balance(string coin)
    {
        lock (_gate)
        {
            return _account.Balance(coin);
        }
    }

    /// <summary>A copy of every coin's wallet balance.</summary>
    public IReadOnlyDictionary<string, decimal> GetBalances()
    {
        lock (_gate)
        {
            return new Dictionary<string, decimal>(_account.Balances, StringComparer.Ordinal);
        }
    }

    /// <summary>The symbol's linear position; flat with no PnL when it never traded.</summary>
    public PaperPosition GetPosition(string symbol)
    {
        lock (_gate)
        {
            return _account.FindPosition(symbol)?.Snapshot() ?? new PaperPosition(symbol, 0m, 0m, 0m, 0m);
        }
    }

    /// <summary>Every symbol that has traded linear, flat or not.</summary>
    public IReadOnlyList<PaperPosition> GetPositions()
    {
        lock (_gate)
        {
            return [.. _account.Positions.Select(p => p.Snapshot())];
        }
    }
}
