using Arb.Domain.Books;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;
using Arb.Engine.Portfolio;
using Arb.Engine.Risk;
using Arb.Strategy.Edge;
using Arb.Strategy.Sizing;

namespace Arb.Engine.Trading;

/// <summary>
/// One coin's engine. On every valid update of either book (market-data thread) it samples the basis, sizes a
/// trade, computes the edge features, asks the estimator, and, when the answer is a trade the gates allow, returns
/// a <see cref="PairPlan"/> with its slot reserved. Fills and funding (account-event thread) and execution ends
/// (thread pool) update it too, so all state sits behind one lock, held for microseconds, never across I/O.
/// </summary>
/// <remarks>
/// Concurrency (PARALLEL_TASKS): up to that many executions may be in flight, and each one reserves, at decision
/// time under the lock, its notional against MAX_POSITION_USD (room = limit − held notional − reserved) and one
/// daily trade. So however many slots run, held plus in flight never exceeds the position limit, and the daily
/// count cannot be overshot. A close is exclusive: it is decided only with nothing in flight (its quantity is the
/// position as booked), and no open starts while it runs. The hot path allocates nothing unless it trades.
/// </remarks>
public sealed partial class SymbolTrader
{
    private const decimal Bps = 10_000m;
    private const double BpsDouble = 10_000d;
    private readonly Lock _sync = new();
    private readonly SymbolSetup _setup;
    private readonly EngineOptions _options;
    private readonly ClientOrderIds _ids;
    private readonly BasisVolatility _volatility;
    private readonly TradeThrottle _throttle;
    private readonly LotRules _spotLot;
    private readonly LotRules _perpLot;
    private readonly decimal _commonStep;
    private EdgeCosts _costs;
    private OrderBook? _spot;
    private OrderBook? _perp;
    private EdgeFeatures _last;
    private decimal _spotCoinAvailable;
    private decimal _spotCoinCommitted;
    private decimal _reservedNotional;
    private int _opensInFlight;
    private int _closesInFlight;
    private decimal? _perpMark;
    private bool _hasMids;
    private decimal _spotBidPrice;
    private decimal _spotAskPrice;
    private decimal _perpBidPrice;
    private decimal _perpAskPrice;
    private bool _everValid;
    private bool _halted;
    private bool _flatten;
    private bool _rebalance;
    private long _lastForcedCloseMs = long.MinValue / 2;
    private const long ForcedCloseRetryMs = 1_000;
    private long _legImbalances;
    private long _refusedOpens;
    private decimal _realizedWhenLastFlat;
    private readonly RiskGate? _gate;

    public SymbolTrader(SymbolSetup setup, EngineOptions options, ClientOrderIds ids, RiskGate? gate = null)
    {
        _gate = gate;
        _setup = setup ?? throw new ArgumentNullException(nameof(setup));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _ids = ids ?? throw new ArgumentNullException(nameof(ids));
        setup.Validate();
        Portfolio = new SymbolPortfolio(setup.Symbol, setup.Spot.BaseCoin, setup.Spot.QuoteCoin);
        _volatility = new BasisVolatility(options.BasisVolWindow);
        _throttle = new TradeThrottle(options.TradeCooldown, options.MaxDailyTrades);
        _spotLot = setup.SpotLot;
        _perpLot = setup.PerpLot;
        _commonStep = LotMath.CommonStep(_spotLot.QtyStep, _perpLot.QtyStep);
        _spotCoinAvailable = setup.SpotCoinAvailable;
        var interval = (setup.Perp.FundingIntervalMinutes ?? 480) * 60_000L;
        _costs = new EdgeCosts(setup.SpotTakerFee, setup.PerpTakerFee, null, null, interval, (long)options.HoldingHorizon.TotalMilliseconds);
    }

    public string Symbol => _setup.Symbol;

    public string BaseCoin => _setup.Spot.BaseCoin;

    /// <summary>The coarser of the two legs' quantity steps: the smallest imbalance that counts as unhedged.</summary>
    public decimal CoarserStep => Math.Max(_spotLot.QtyStep, _perpLot.QtyStep);

    /// <summary>The booked position and PnL; read it under <see cref="Read{T}"/> when other threads may be booking.</summary>
    public SymbolPortfolio Portfolio { get; }

    /// <summary>
    /// A book of this symbol changed and is valid. Returns the trade to execute, with its slot already reserved;
    /// the caller must hand it to the executor and then call <see cref="Completed"/>.
    /// </summary>
    public PairPlan? OnBookUpdated(OrderBook book, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(book);
        lock (_sync)
        {
            if (book.Category == MarketCategory.Spot)
            {
                _spot = book;
            }
            else
            {
                _perp = book;
            }

            return Decide(nowMs);
        }
    }

    /// <summary>Ticker fields changed: the perp's funding rate, next settlement and mark feed the edge and unrealized PnL.</summary>
    public void OnTicker(InstrumentTicker ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        if (ticker.Category != MarketCategory.Linear)
        {
            return;
        }

        lock (_sync)
        {
            var interval = ticker.FundingIntervalHours is { } hours and > 0 ? hours * 3_600_000L : _costs.FundingIntervalMs;
            _costs = _costs with { FundingRate = ticker.FundingRate, NextFundingTimeMs = ticker.NextFundingTimeMs, FundingIntervalMs = interval };
            _costsVersion++;
            _perpMark = ticker.MarkPrice ?? _perpMark;
        }
    }

    /// <summary>Books a fill of this symbol (first sight of its exec id).</summary>
    public void Book(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        lock (_sync)
        {
            Portfolio.Apply(fill);
            _booked.Add(fill.ExecId);
            if (fill.Category == MarketCategory.Linear)
            {
                _gate?.SetHeld(Symbol, Math.Abs(Portfolio.Perp.Quantity) * fill.Price);
            }
            else
            {
                // The wallet push that follows sets the exact figure; until then the reverse trade sees this.
                var feeInBase = fill.FeeCoin == BaseCoin ? fill.Fee : 0m;
                _spotCoinAvailable += fill.Side == TradeSide.Buy ? fill.Quantity - feeInBase : -fill.Quantity;
            }
        }
    }

    /// <summary>Books a funding settlement; <paramref name="execId"/>, when given, is remembered with the position for the state file.</summary>
    /// <summary>
    /// Start-up reconciliation found the exchange's perp position differs from the booked one: the exchange is the
    /// truth. The leg becomes that position at the exchange's entry price; realized PnL so far is kept.
    /// </summary>
    public void AdoptPerp(decimal size, decimal entryPrice)
    {
        lock (_sync)
        {
            Portfolio.Perp.Restore(size, size == 0m ? [] : [(Math.Abs(size), entryPrice)], Portfolio.Perp.Realized);
            _gate?.SetHeld(Symbol, Math.Abs(size) * entryPrice);
        }
    }

    /// <summary>Like <see cref="AdoptPerp"/> for the spot coin the bot holds (signed: sold coin is negative).</summary>
    public void AdoptSpot(decimal quantity, decimal price)
    {
        lock (_sync)
        {
            Portfolio.Spot.Restore(quantity, quantity == 0m ? [] : [(Math.Abs(quantity), price)], Portfolio.Spot.Realized);
        }
    }

    public void BookFunding(decimal received, string? execId = null)
    {
        lock (_sync)
        {
            Portfolio.ApplyFunding(received);
            if (execId is not null)
            {
                _booked.Add(execId);
            }
        }
    }

    /// <summary>The free balance of the base coin, from the wallet.</summary>
    public void OnSpotCoinBalance(decimal free)
    {
        lock (_sync)
        {
            _spotCoinAvailable = free;
        }
    }

    /// <summary>
    /// An execution ended (however it ended): its slot and reservation are released; <paramref name="hadImbalance"/>
    /// counts a leg imbalance against this symbol. Returns the round trip's net PnL (fees and funding included) when
    /// a close left the symbol flat, for the consecutive-loss count; null otherwise.
    /// </summary>
    public decimal? Completed(PairPlan plan, bool hadImbalance = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_sync)
        {
            if (hadImbalance)
            {
                _legImbalances++;
            }

            if (plan.Kind == PairKind.Close)
            {
                _closesInFlight--;
                if (_opensInFlight == 0 && ClosableQuantities() == (0m, 0m))
                {
                    var roundTrip = Portfolio.NetRealized - _realizedWhenLastFlat;
                    _realizedWhenLastFlat = Portfolio.NetRealized;
                    return roundTrip;
                }

                return null;
            }

            _opensInFlight--;
            _reservedNotional -= plan.ReservedNotional;
            _gate?.Release(Symbol, plan.ReservedNotional);
            if (plan.Kind == PairKind.OpenReverse)
            {
                _spotCoinCommitted -= plan.Spot.Quantity;
            }

            return null;
        }
    }

    /// <summary>No new positions from now on; <paramref name="flatten"/> also closes the held one at the next book update, whatever the estimator says.</summary>
    public void Halt(bool flatten)
    {
        lock (_sync)
        {
            _halted = true;
            _flatten |= flatten;
        }
    }

    /// <summary>
    /// Closes both legs at the next book update, whatever the estimator says, then trades on: for a position found
    /// unhedged at start-up (a crash between the two legs), which the engine's normal closes would not even out.
    /// </summary>
    public void FlattenOnce()
    {
        lock (_sync)
        {
            _rebalance = true;
        }
    }

    /// <summary>True when nothing is in flight and neither leg holds more than dust (below the exchange's minimums).</summary>
    public bool IsFlatAndIdle
    {
        get
        {
            lock (_sync)
            {
                return _opensInFlight == 0 && _closesInFlight == 0 && ClosableQuantities() == (0m, 0m);
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (_sync)
            {
                return _opensInFlight + _closesInFlight;
            }
        }
    }

    /// <summary>Reads the portfolio consistently while fills may be booking on other threads.</summary>
    public T Read<T>(Func<SymbolTrader, T> reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        lock (_sync)
        {
            return reader(this);
        }
    }

    /// <summary>Spot and perp marks for unrealized PnL: the perp's mark price when the ticker gave one, else the mids.</summary>
    public (decimal Spot, decimal Perp) Marks()
    {
        lock (_sync)
        {
            return (SpotMid, _perpMark ?? PerpMid);
        }
    }

    public SymbolStatus Status(long nowMs)
    {
        lock (_sync)
        {
            var (spotMark, perpMark) = (SpotMid, _perpMark ?? PerpMid);
            ComputePendingEdges();
            var showEdges = _last.IsValid;
            return new SymbolStatus(
                Symbol,
                State(nowMs),
                showEdges ? Math.Round(_last.BasisBps, 2) : null,
                showEdges ? Round(_last.OpenEdgeBps) : null,
                showEdges ? Round(_last.ReverseOpenEdgeBps) : null,
                showEdges ? Round(_last.CloseEdgeBps) : null,
                Portfolio.Spot.Quantity,
                Portfolio.Perp.Quantity,
                Portfolio.Spot.EntryPrice,
                Portfolio.Perp.EntryPrice,
                Portfolio.NetRealized,
                spotMark == 0m || perpMark == 0m ? 0m : Portfolio.Unrealized(spotMark, perpMark),
                Portfolio.FeesUsd,
                Portfolio.FundingUsd,
                _throttle.TradesToday(nowMs),
                _opensInFlight + _closesInFlight,
                _legImbalances);
        }
    }

    private SymbolTradingState State(long nowMs)
    {
        if (_spot is not { IsValid: true } || _perp is not { IsValid: true })
        {
            return _everValid ? SymbolTradingState.Stale : SymbolTradingState.Warming;
        }

        if (!_volatility.IsReady)
        {
            return SymbolTradingState.Warming;
        }

        if (_opensInFlight + _closesInFlight > 0)
        {
            return SymbolTradingState.Executing;
        }

        if (_throttle.IsPausedForDay(nowMs))
        {
            return SymbolTradingState.PausedForDay;
        }

        return _throttle.IsCoolingDown(nowMs) ? SymbolTradingState.CoolingDown : SymbolTradingState.Active;
    }

    // The mids of the last valid books, computed when read (status, closes) rather than on every update: the same
    // expression on the same best prices, so the same value and scale; 0 before the first valid update.
    private decimal SpotMid => _hasMids ? (_spotBidPrice + _spotAskPrice) / 2m : 0m;

    private decimal PerpMid => _hasMids ? (_perpBidPrice + _perpAskPrice) / 2m : 0m;

    private static decimal? Round(decimal? bps) => bps is { } value ? Math.Round(value, 2) : null;
}
