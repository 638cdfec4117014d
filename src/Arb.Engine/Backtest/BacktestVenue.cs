using System.Threading.Channels;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Paper;

namespace Arb.Engine.Backtest;

/// <summary>
/// The backtest's exchange: the paper venue's matching (taker fills at the copied book's prices, up to its
/// quantities, fees from settings) with every account event handed to the engine before the submission returns, so
/// a two-leg execution completes inside the book update that decided it, on the same thread, in the same order on
/// every run. With a fill latency the order is matched when the data clock reaches its arrival time instead, against
/// the book as it stands then.
/// </summary>
public sealed class BacktestVenue : IExecutionVenue
{
    private readonly PaperVenue _paper;
    private readonly ChannelReader<IAccountEvent> _events;
    private readonly ManualClock _clock;
    private readonly TimeSpan _latency;
    private Action<IAccountEvent>? _sink;
    private Func<MarketCategory, string, QuoteMarket?>? _markets;

    public BacktestVenue(PaperVenueOptions options, ManualClock clock, TimeSpan fillLatency)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(fillLatency, TimeSpan.Zero);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _latency = fillLatency;
        var channel = Channel.CreateUnbounded<IAccountEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _events = channel.Reader;
        _paper = new PaperVenue(options, channel.Writer, clock);
    }

    /// <summary>The listener that gives the venue its books: it must see every update before the engine does.</summary>
    public PaperBookFeed BookFeed => _paper.BookFeed;

    public PaperVenue Paper => _paper;

    /// <summary>
    /// The run's markets: the venue then copies a market's book only when an order of it is matched (and only when
    /// the market got a row since the last copy), instead of the run copying every row through <see cref="BookFeed"/>.
    /// </summary>
    internal void UseMarkets(Func<MarketCategory, string, QuoteMarket?> markets) => _markets = markets;

    /// <summary>Where account events go (the engine's <c>OnAccountEvent</c>, through the run's ledger).</summary>
    public void Attach(Action<IAccountEvent> sink) => _sink = sink ?? throw new ArgumentNullException(nameof(sink));

    public Task<SubmitOutcome> SubmitAsync(OrderIntent order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (_latency <= TimeSpan.Zero)
        {
            return Task.FromResult(Match(order));
        }

        // Continuations run on the clock's thread when the order arrives, so the run stays single-threaded and ordered.
        var arrived = new TaskCompletionSource<SubmitOutcome>();
        ITimer? timer = null;
        timer = _clock.CreateTimer(
            _ =>
            {
                timer?.Dispose();
                arrived.TrySetResult(Match(order));
            },
            null,
            _latency,
            Timeout.InfiniteTimeSpan);
        return arrived.Task;
    }

    public Task<VenueOrderReport?> QueryOrderAsync(MarketCategory category, string symbol, string orderLinkId, CancellationToken ct = default) =>
        _paper.QueryOrderAsync(category, symbol, orderLinkId, ct);

    public Task<bool> CancelAsync(MarketCategory category, string symbol, string orderLinkId, CancellationToken ct = default) =>
        _paper.CancelAsync(category, symbol, orderLinkId, ct);

    public Task<VenueAccount> GetAccountAsync(IReadOnlyCollection<string> symbols, IReadOnlyCollection<string> coins, CancellationToken ct = default) =>
        _paper.GetAccountAsync(symbols, coins, ct);

    public Task<VenueHistory> GetHistoryAsync(IReadOnlyCollection<string> symbols, long sinceMs, CancellationToken ct = default) =>
        _paper.GetHistoryAsync(symbols, sinceMs, ct);

    /// <summary>Settles a funding period of the symbol's position and delivers the payment; null when flat.</summary>
    public FundingPayment? SettleFunding(string symbol, decimal rate, decimal markPrice)
    {
        var payment = _paper.SettleFunding(symbol, rate, markPrice);
        Deliver();
        return payment;
    }

    private SubmitOutcome Match(OrderIntent order)
    {
        // The copy as it would stand had every row been copied: a second order before the next row still sees
        // what the first one took.
        if (_markets?.Invoke(order.Category, order.Symbol) is { Rows: > 0 } market && market.CopiedUpdateId != market.Book.UpdateId)
        {
            _paper.BookFeed.CopyLatest(market.Book, market.WasValidBefore);
            market.CopiedUpdateId = market.Book.UpdateId;
        }

        // The paper venue completes synchronously; its events are then delivered before the outcome is returned.
        var outcome = _paper.SubmitAsync(order).GetAwaiter().GetResult();
        Deliver();
        return outcome;
    }

    private void Deliver()
    {
        var sink = _sink ?? throw new InvalidOperationException("attach the engine before trading");
        while (_events.TryRead(out var accountEvent))
        {
            sink(accountEvent);
        }
    }
}
