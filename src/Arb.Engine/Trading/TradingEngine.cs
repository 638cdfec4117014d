using Arb.Domain.Alerts;
using Arb.Domain.Books;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;
using Arb.Engine.Journals;
using Arb.Engine.Risk;
using Microsoft.Extensions.Logging;

namespace Arb.Engine.Trading;

/// <summary>
/// The bot's core: receives the books (market-data thread) and the account events (one consumer thread), decides
/// per symbol, launches two-leg executions, and books every fill exactly once into the portfolio and trades.csv.
/// The same object runs live, sim, paper and backtest; only the venue and the event feed differ.
/// </summary>
public sealed partial class TradingEngine : IMarketDataListener, IFillBook
{
    private readonly Dictionary<string, SymbolTrader> _traders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SymbolTrader> _byBaseCoin = new(StringComparer.Ordinal);
    private readonly EngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TradeJournal? _trades;
    private readonly Lock _journalLock = new();
    private readonly HashSet<Task> _running = [];
    private readonly Lock _runningLock = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly IAlertSink? _alerts;

    public TradingEngine(
        IEnumerable<SymbolSetup> symbols,
        EngineOptions options,
        IExecutionVenue venue,
        TimeProvider time,
        ILoggerFactory loggers,
        TradeJournal? trades = null,
        RiskManager? risk = null,
        IAlertSink? alerts = null)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = loggers.CreateLogger<TradingEngine>();
        _trades = trades;
        Ids = new ClientOrderIds(time.GetUtcNow());
        Tracker = new OrderTracker();
        Executor = new PairExecutor(venue, Tracker, this, Ids, options.Execution, time, loggers.CreateLogger<PairExecutor>());
        Risk = risk;
        Gate = risk is null ? null : new RiskGate(risk);
        Executor.OrderRejected += what => RecordError(what, "order_rejected");
        if (Gate is not null)
        {
            Gate.Limited += OnLimited;
        }
        _alerts = alerts;
        foreach (var setup in symbols)
        {
            var trader = new SymbolTrader(setup, options, Ids, Gate);
            _traders.Add(setup.Symbol, trader);
            _byBaseCoin[setup.Spot.BaseCoin] = trader;
        }

        if (_traders.Count == 0)
        {
            throw new ArgumentException("the engine needs at least one symbol", nameof(symbols));
        }
    }

    public OrderTracker Tracker { get; }

    /// <summary>Where the engine reports what it does as it happens (set before trading starts).</summary>
    public IEngineMetrics Metrics
    {
        get => _metrics;
        set
        {
            _metrics = value ?? IEngineMetrics.None;
            Executor.Metrics = _metrics;
        }
    }

    private IEngineMetrics _metrics = IEngineMetrics.None;

    /// <summary>Raised after each fill is booked and written (the state saver saves soon after). Must not block.</summary>
    public event Action? FillBooked;

    /// <summary>Raised when a decision is handed to the executor, before any order is sent (the backtest's entries and exits). Must not block.</summary>
    public event Action<PairPlan>? Decided;

    /// <summary>Raised when a close leaves a symbol flat: the symbol and the round trip's net PnL (fees and funding included). Must not block.</summary>
    public event Action<string, decimal>? RoundTripClosed;

    /// <summary>The risk manager every open is checked against; null only in tests and benchmarks that leave it out.</summary>
    public RiskManager? Risk { get; }

    public RiskGate? Gate { get; }

    public PairExecutor Executor { get; }

    public ClientOrderIds Ids { get; }

    public IReadOnlyCollection<SymbolTrader> Traders => _traders.Values;

    /// <summary>Completed two-leg executions, for tests and the status line.</summary>
    public long Executions => Interlocked.Read(ref _executions);

    private long _executions;

    public SymbolTrader Trader(string symbol) => _traders[symbol];

    /// <inheritdoc />
    public void OnBookUpdated(OrderBook book)
    {
        if (!_traders.TryGetValue(book.Symbol, out var trader))
        {
            return;
        }

        var started = _time.GetTimestamp();
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (book.TimestampMs > 0)
        {
            Metrics.QuoteAge(book.Category, Math.Max(0, nowMs - book.TimestampMs) / 1_000.0);
        }

        var plan = trader.OnBookUpdated(book, nowMs);
        if (plan is not null)
        {
            Launch(trader, plan);
            Metrics.TickToOrder(_time.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <inheritdoc />
    public void OnBookInvalidated(OrderBook book, string reason)
    {
        // Nothing to do: a stale book is never offered for decisions (the trader checks validity on every update),
        // and executions in flight finish and hedge on their own.
    }

    /// <inheritdoc />
    public void OnTickerUpdated(InstrumentTicker ticker)
    {
        if (_traders.TryGetValue(ticker.Symbol, out var trader))
        {
            trader.OnTicker(ticker);
        }
    }

    /// <summary>One event from the venue's account feed, in the venue's order.</summary>
    public void OnAccountEvent(IAccountEvent accountEvent)
    {
        switch (accountEvent)
        {
            case Fill fill:
                Tracker.TryAcceptFill(fill, this, out _);

                break;
            case OrderUpdate update:
                Tracker.OnOrderUpdate(update);
                break;
            case FundingPayment funding:
                // Funding executions carry exec ids too: a replayed one must not count twice.
                if (_traders.TryGetValue(funding.Symbol, out var trader) && Tracker.TryAcceptFunding(funding))
                {
                    trader.BookFunding(funding.Amount, funding.ExecId);
                    LogFunding(funding.Symbol, funding.Amount, funding.Rate);
                }

                break;
            case WalletUpdate wallet:
                foreach (var coin in wallet.Coins)
                {
                    if (_byBaseCoin.TryGetValue(coin.Coin, out var holder))
                    {
                        holder.OnSpotCoinBalance(coin.Free);
                    }
                }

                break;
        }
    }

    /// <inheritdoc />
    public void Book(Fill fill, TrackedOrder? order)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (!_traders.TryGetValue(fill.Symbol, out var trader))
        {
            LogForeignFill(fill.Symbol, fill.ExecId);
            return;
        }

        trader.Book(fill);
        if (order is null)
        {
            LogUntrackedFill(fill.Symbol, fill.OrderLinkId, fill.ExecId);
        }

        if (_trades is not null)
        {
            lock (_journalLock)
            {
                _trades.Record(fill, order?.EdgeBps ?? 0m, order?.ExpectedPrice ?? fill.Price);
            }
        }

        FillBooked?.Invoke();
    }

    /// <summary>
    /// A fill of a previous run read back at start-up (trades.csv after the last snapshot): into the portfolio once,
    /// not written to trades.csv again. Returns whether it was new.
    /// </summary>
    public bool Replay(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (!_traders.TryGetValue(fill.Symbol, out var trader) || !Tracker.TryAcceptRecovered(fill.ExecId))
        {
            return false;
        }

        trader.Book(fill);
        return true;
    }

    /// <summary>A fill of a previous run found in the venue's history and in no file: booked and written to trades.csv.</summary>
    public bool Recover(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (!_traders.ContainsKey(fill.Symbol) || !Tracker.TryAcceptRecovered(fill.ExecId))
        {
            return false;
        }

        Book(fill, null);
        return true;
    }

    /// <summary>A funding settlement found in the venue's history: booked once.</summary>
    public bool RecoverFunding(FundingPayment funding)
    {
        ArgumentNullException.ThrowIfNull(funding);
        if (!_traders.TryGetValue(funding.Symbol, out var trader) || !Tracker.TryAcceptFunding(funding))
        {
            return false;
        }

        trader.BookFunding(funding.Amount, funding.ExecId);
        return true;
    }

    /// <summary>Stops opening positions; with <paramref name="flatten"/> every held position is closed at the next book update.</summary>
    public void Halt(bool flatten)
    {
        foreach (var trader in _traders.Values)
        {
            trader.Halt(flatten);
        }
    }

    /// <summary>Halts, closes every position, and waits until all symbols are flat with nothing in flight.</summary>
    public async Task FlattenAsync(CancellationToken ct = default)
    {
        Halt(flatten: true);
        while (!_traders.Values.All(t => t.IsFlatAndIdle))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), _time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until no execution is in flight (hedges included), those started meanwhile too.</summary>
    public async Task DrainAsync(CancellationToken ct = default)
    {
        while (true)
        {
            Task[] running;
            lock (_runningLock)
            {
                running = [.. _running];
            }

            if (running.Length == 0 && _traders.Values.All(t => t.InFlight == 0))
            {
                return;
            }

            await Task.WhenAll(running).WaitAsync(ct).ConfigureAwait(false);
            await Task.Delay(10, ct).ConfigureAwait(false); // real time: a plan may be between its decision and its launch
        }
    }

    /// <summary>Cancels executions in flight: only for a hard stop, since it can leave legs unhedged.</summary>
    public void Abort() => _abort.Cancel();

    public EngineStatus Status()
    {
        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var symbols = _traders.Values.Select(t => t.Status(nowMs)).ToList();
        var equity = _options.Sizing.AccountEquityUsd + symbols.Sum(s => s.RealizedUsd + s.UnrealizedUsd);
        return new EngineStatus(now, _options.Mode, equity, symbols);
    }

    private void Launch(SymbolTrader trader, PairPlan plan)
    {
        LogDecided(plan.Symbol, plan.Kind.ToString(), plan.Spot.Quantity, plan.Perp.Quantity, plan.EdgeBps);
        Decided?.Invoke(plan);
        var task = RunAsync(trader, plan);
        lock (_runningLock)
        {
            if (!task.IsCompleted)
            {
                _running.Add(task);
            }
        }

        _ = task.ContinueWith(
            t =>
            {
                lock (_runningLock)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RunAsync(SymbolTrader trader, PairPlan plan)
    {
        var imbalance = false;
        try
        {
            var result = await Executor.ExecuteAsync(plan, _abort.Token).ConfigureAwait(false);
            imbalance = result.HadImbalance;
            Interlocked.Increment(ref _executions);
            LogExecuted(plan.Symbol, plan.Kind.ToString(), result.Spot.Filled, result.Perp.Filled, result.HedgeOrders);
            if (result.HadImbalance)
            {
                Metrics.LegImbalance(plan.Symbol, result.TimeToHedge.TotalSeconds);
                Alert(AlertKind.LegImbalance, $"{plan.Symbol}: legs filled unequally",
                    $"{plan.Kind} spot {result.Spot.Filled}/{result.Spot.Requested}, perp {result.Perp.Filled}/{result.Perp.Requested} "
                    + $"({result.Spot.Shortfall ?? result.Perp.Shortfall ?? "partial fill"}); hedged with {result.HedgeOrders} order(s) "
                    + $"in {result.TimeToHedge.TotalMilliseconds:0} ms, {result.Imbalance} left.");
            }

            if (Math.Abs(result.Imbalance) >= Math.Max(plan.SpotLot.QtyStep, plan.PerpLot.QtyStep))
            {
                RecordError($"{plan.Symbol} left unhedged by {result.Imbalance}", "unhedged");
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            LogAborted(plan.Symbol, plan.Spot.OrderLinkId);
        }
        catch (Exception ex)
        {
            LogExecutionFailed(ex, plan.Symbol, plan.Spot.OrderLinkId);
            RecordError($"{plan.Symbol} execution failed: {ex.Message}", "execution_failed");
        }
        finally
        {
            var roundTrip = trader.Completed(plan, imbalance);
            if (roundTrip is { } pnl)
            {
                RoundTripClosed?.Invoke(plan.Symbol, pnl);
                if (Risk?.RecordRoundTrip(plan.Symbol, pnl) is { } stop)
                {
                    OnStop(stop);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol} {Kind}: spot {SpotQty}, perp {PerpQty} at net edge {Edge:0.##} bps")]
    private partial void LogDecided(string symbol, string kind, decimal spotQty, decimal perpQty, decimal edge);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol} {Kind} done: spot filled {Spot}, perp filled {Perp}, hedge orders {Hedges}")]
    private partial void LogExecuted(string symbol, string kind, decimal spot, decimal perp, int hedges);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Symbol} execution {OrderLinkId} failed")]
    private partial void LogExecutionFailed(Exception ex, string symbol, string orderLinkId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol} execution {OrderLinkId} aborted by a hard stop")]
    private partial void LogAborted(string symbol, string orderLinkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol} funding {Amount} USDT at rate {Rate}")]
    private partial void LogFunding(string symbol, decimal amount, decimal rate);

    [LoggerMessage(Level = LogLevel.Debug, Message = "fill {ExecId} of {Symbol} ignored: not a configured symbol")]
    private partial void LogForeignFill(string symbol, string execId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol} fill {ExecId} of order {OrderLinkId} not sent by this session: booked")]
    private partial void LogUntrackedFill(string symbol, string orderLinkId, string execId);
}
