using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;
using Arb.Engine.Journals;
using Arb.Engine.Paper;
using Arb.Engine.Risk;
using Arb.Engine.Trading;
using Arb.Strategy.Sizing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Arb.Engine.Backtest;

/// <summary>
/// One backtest: quote rows, in time order, drive the live engine (<see cref="TradingEngine"/>, with its estimator,
/// sizing, risk gate and portfolio) through a <see cref="ManualClock"/> set from the rows' timestamps and a
/// <see cref="BacktestVenue"/>. Each row becomes a one-level book of its market; the venue's copy sees it first, then
/// the engine, exactly as <c>arbbot run</c> wires the paper venue. Everything happens on the calling thread, so the
/// same rows and options give the same report every time.
/// </summary>
/// <remarks>
/// Funding: when the data carries <c>funding_rate</c> and <c>next_funding_time</c> on perp rows, the engine's ticker
/// gets them (the open edge projects funding) and, once the data's time reaches that settlement time, the position is
/// settled at the last rate quoted for it on the perp mid, before the row that crossed it is applied.
/// </remarks>
public sealed class BacktestRun
{
    private readonly BacktestOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly SymbolFeed[] _feeds;
    private readonly Dictionary<string, SymbolLedger> _ledgers = new(StringComparer.Ordinal);
    private readonly PnlTracker _total;
    private readonly List<EquityPoint> _equity = [];
    private readonly List<long> _equityIndex = [];
    private readonly List<BasisPoint> _basis = [];
    private readonly List<long> _basisIndex = [];

    // Chart retention: every scheduled sample is measured (PnlTracker sees them all), but only every _chartStride-th
    // is kept for the charts; when the kept points reach twice MaxChartPoints every other one is dropped and the
    // stride doubles, so retained memory is bounded whatever the data's time span. Below that cap nothing is dropped.
    private long _sampleIndex;
    private long _chartStride = 1;
    private readonly List<DecisionMark> _decisions = [];
    private ManualClock? _clock;
    private BacktestVenue? _venue;
    private TradingEngine? _engine;
    private HindsightOracle? _oracle;
    private TradeJournal? _trades;
    private PnlJournal? _pnl;
    private long _nextFundingDueMs = long.MaxValue;
    private long _nextRiskMs;
    private long _nextSampleMs;
    private long _nextPnlMs;
    private bool _filledSinceSample;
    private string? _riskStop;

    public BacktestRun(BacktestOptions options, ILoggerFactory? loggers = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _loggers = loggers ?? NullLoggerFactory.Instance;
        if (options.Setups.Count == 0)
        {
            throw new ArgumentException("a backtest needs at least one symbol", nameof(options));
        }

        _feeds = [.. options.Setups.Select(s => new SymbolFeed(s.Symbol))];
        _total = new PnlTracker(options.Engine.Sizing.AccountEquityUsd);
        foreach (var setup in options.Setups)
        {
            _ledgers[setup.Symbol] = new SymbolLedger(setup.Symbol, options.Engine.Sizing.AccountEquityUsd);
        }
    }

    /// <summary>Rows read so far (progress).</summary>
    public long RowsRead => Interlocked.Read(ref _rowsRead);

    private long _rowsRead;
    private long _rowsOther;
    private long _rowsOutside;
    private long? _firstMs;
    private long _lastMs;

    /// <summary>The engine, once the first row built it (tests read the portfolio through it).</summary>
    public TradingEngine? Engine => _engine;

    /// <summary>
    /// Runs every row and returns the report. <paramref name="files"/> and <paramref name="badRows"/> only go into the
    /// report's input summary.
    /// </summary>
    public BacktestReport Run(
        IEnumerable<QuoteRow> rows,
        IReadOnlyList<string>? files = null,
        Func<IReadOnlyDictionary<string, long>>? badRows = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        try
        {
            if (rows is QuoteFileRows file)
            {
                // One file: the reader pushes each row, without an enumerator's copy per row.
                file.ReadInto((in QuoteRow row) =>
                {
                    Apply(row);
                    if ((_rowsRead & 0xFFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }
                });
            }
            else
            {
                foreach (var row in rows)
                {
                    Apply(row);
                    if ((_rowsRead & 0xFFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }
                }
            }

            return Finish(files ?? [], badRows?.Invoke() ?? new Dictionary<string, long>());
        }
        finally
        {
            _trades?.Dispose();
            _pnl?.Dispose();
        }
    }

    private void Apply(in QuoteRow row)
    {
        Interlocked.Increment(ref _rowsRead);
        var timeMs = row.TimestampMs ?? _lastMs;
        if ((_options.FromMs is { } from && timeMs < from) || (_options.ToMs is { } to && timeMs >= to))
        {
            _rowsOutside++;
            return;
        }

        var feed = Find(row.Symbol);
        if (feed is null)
        {
            _rowsOther++;
            return;
        }

        if (_engine is null)
        {
            Start(timeMs);
        }

        var engine = _engine!;
        if (timeMs >= _nextFundingDueMs)
        {
            SettleDueFunding(timeMs);
        }

        _clock!.AdvanceTo(timeMs);
        _lastMs = Math.Max(_lastMs, timeMs);
        var market = row.Category == MarketCategory.Spot ? feed.Spot : feed.Perp;
        market.Apply(row, timeMs);
        if (row.Category == MarketCategory.Linear && (row.FundingRate is not null || row.NextFundingTimeMs is not null))
        {
            OnFundingFields(feed, row, timeMs);
        }

        _oracle?.OnQuote(row.Symbol, row.Category, row.Bid, row.Ask, row.BidQty, row.AskQty);
        engine.OnBookUpdated(market.Book);

        if (timeMs >= _nextRiskMs)
        {
            _nextRiskMs = timeMs + (long)_options.RiskInterval.TotalMilliseconds;
            engine.EvaluateRisk();
        }

        if (timeMs >= _nextSampleMs || _filledSinceSample)
        {
            Sample(timeMs, timeMs >= _nextSampleMs);
        }

        if (_pnl is not null && timeMs >= _nextPnlMs)
        {
            _nextPnlMs = timeMs + (long)_options.PnlInterval.TotalMilliseconds;
            _pnl.Record(engine.Status());
        }
    }

    private SymbolFeed? Find(string symbol)
    {
        // Readers keep one string per symbol, so the reference usually matches.
        foreach (var feed in _feeds)
        {
            if (ReferenceEquals(feed.Symbol, symbol))
            {
                return feed;
            }
        }

        foreach (var feed in _feeds)
        {
            if (string.Equals(feed.Symbol, symbol, StringComparison.Ordinal))
            {
                return feed;
            }
        }

        return null;
    }

    private void Start(long timeMs)
    {
        _firstMs = timeMs;
        _lastMs = timeMs;
        _clock = new ManualClock(timeMs);
        var quote = _options.Setups[0].Spot.QuoteCoin;
        _venue = new BacktestVenue(
            new PaperVenueOptions
            {
                StartingBalances = new Dictionary<string, decimal>(StringComparer.Ordinal) { [quote] = _options.Engine.Sizing.AccountEquityUsd },
                SpotTakerFeeRate = _options.SpotTakerFee,
                PerpTakerFeeRate = _options.PerpTakerFee,
                BookDepth = 1,
            },
            _clock,
            _options.FillLatency);
        if (_options.TradesPath is { } trades)
        {
            _trades = new TradeJournal(trades);
        }

        if (_options.PnlPath is { } pnl)
        {
            _pnl = new PnlJournal(pnl);
        }

        var risk = _options.Risk is { } limits ? new RiskManager(limits, _clock) : null;
        var engine = new TradingEngine(_options.Setups, _options.Engine, _venue, _clock, _loggers, _trades, risk);
        engine.Decided += OnDecided;
        engine.RoundTripClosed += (symbol, pnl) => _ledgers[symbol].RoundTrip(pnl);
        _venue.Attach(OnAccountEvent);
        _venue.UseMarkets((category, symbol) => Find(symbol) is { } feed ? (category == MarketCategory.Spot ? feed.Spot : feed.Perp) : null);
        _engine = engine;
        if (_options.Oracle)
        {
            var notional = _options.Risk is { } r
                ? Math.Min(r.MaxPositionUsd, r.MaxExposureUsd / _options.Setups.Count)
                : _options.Engine.Sizing.MaxPositionUsd;
            _oracle = new HindsightOracle(
                notional,
                _options.SpotTakerFee,
                _options.PerpTakerFee,
                _options.Setups.ToDictionary(s => s.Symbol, s => LotMath.CommonStep(s.SpotLot.QtyStep, s.PerpLot.QtyStep), StringComparer.Ordinal));
        }
    }

    private void OnDecided(PairPlan plan)
    {
        _ledgers[plan.Symbol].Decided(plan.Kind);
        var basis = Find(plan.Symbol)?.BasisBps ?? double.NaN;
        _decisions.Add(new DecisionMark(plan.DecidedAtMs, plan.Symbol, plan.Kind, Math.Max(plan.Spot.Quantity, plan.Perp.Quantity), plan.EdgeBps, Math.Round(basis, 4)));
    }

    private void OnAccountEvent(IAccountEvent accountEvent)
    {
        _engine!.OnAccountEvent(accountEvent);
        if (accountEvent is Fill fill && _ledgers.TryGetValue(fill.Symbol, out var ledger))
        {
            ledger.Filled(fill.Quantity, fill.Price);
            ledger.Position(_engine.Trader(fill.Symbol).Read(t => t.Portfolio.Perp.Quantity), fill.TimestampMs);
            AccountPosition(fill.TimestampMs);
            _filledSinceSample = true;
        }
    }

    // The account is in the market while any symbol holds a position: the union of the symbols' holding periods.
    private void AccountPosition(long nowMs)
    {
        var any = false;
        foreach (var ledger in _ledgers.Values)
        {
            any |= ledger.IsHeld;
        }

        if (any)
        {
            _accountHeldSinceMs ??= nowMs;
        }
        else if (_accountHeldSinceMs is { } since)
        {
            _accountHeldMs += nowMs - since;
            _accountHeldSinceMs = null;
        }
    }

    private long? _accountHeldSinceMs;
    private long _accountHeldMs;

    private void OnFundingFields(SymbolFeed feed, in QuoteRow row, long timeMs)
    {
        var ticker = feed.Ticker;
        if (ticker.FundingRate == row.FundingRate && ticker.NextFundingTimeMs == row.NextFundingTimeMs)
        {
            return;
        }

        ticker.FundingRate = row.FundingRate ?? ticker.FundingRate;
        ticker.NextFundingTimeMs = row.NextFundingTimeMs ?? ticker.NextFundingTimeMs;
        ticker.TimestampMs = timeMs;
        _engine!.OnTickerUpdated(ticker);
        if (ticker.NextFundingTimeMs is { } due && ticker.FundingRate is { } rate && due > feed.LastSettledMs)
        {
            feed.FundingDueMs = due;
            feed.FundingRate = rate;
            _nextFundingDueMs = Math.Min(_nextFundingDueMs, due);
        }
    }

    // Settles every symbol whose announced funding time the data has reached, in time order, at that time.
    private void SettleDueFunding(long timeMs)
    {
        while (true)
        {
            SymbolFeed? next = null;
            foreach (var feed in _feeds)
            {
                if (feed.FundingDueMs is { } due && due <= timeMs && (next is null || due < next.FundingDueMs))
                {
                    next = feed;
                }
            }

            if (next is null)
            {
                break;
            }

            var at = next.FundingDueMs!.Value;
            _clock!.AdvanceTo(at);
            if (next.Perp.HasQuote)
            {
                _oracle?.OnFunding(next.Symbol, next.FundingRate, next.Perp.Mid);
                _venue!.SettleFunding(next.Symbol, next.FundingRate, next.Perp.Mid);
            }

            next.LastSettledMs = at;
            next.FundingDueMs = null;
        }

        _nextFundingDueMs = _feeds.Min(f => f.FundingDueMs ?? long.MaxValue);
    }

    private void Sample(long timeMs, bool scheduled, bool final = false)
    {
        var status = _engine!.Status();
        var pnl = status.EquityUsd - _options.Engine.Sizing.AccountEquityUsd;
        _total.Sample(timeMs, pnl);
        foreach (var symbol in status.Symbols)
        {
            _ledgers[symbol.Symbol].Pnl.Sample(timeMs, symbol.RealizedUsd + symbol.UnrealizedUsd);
        }

        _filledSinceSample = false;
        if (!scheduled)
        {
            return;
        }

        _nextSampleMs = timeMs + (long)_options.EquitySampleInterval.TotalMilliseconds;
        var index = _sampleIndex++;
        if (index % _chartStride != 0 && !final)
        {
            return;
        }

        _equity.Add(new EquityPoint(timeMs, status.EquityUsd, _total.Drawdown));
        _equityIndex.Add(index);
        foreach (var feed in _feeds)
        {
            var basis = feed.BasisBps;
            if (!double.IsNaN(basis))
            {
                _basis.Add(new BasisPoint(timeMs, feed.Symbol, Math.Round(basis, 4)));
                _basisIndex.Add(index);
            }
        }

        if (!final && _equity.Count >= 2L * Math.Max(1, _options.MaxChartPoints))
        {
            _chartStride *= 2;
            Decimate(_equity, _equityIndex, _chartStride);
            Decimate(_basis, _basisIndex, _chartStride);
        }
    }

    // Keeps the points whose sample index is on the new stride, in order, in place.
    private static void Decimate<T>(List<T> points, List<long> indexes, long stride)
    {
        var kept = 0;
        for (var i = 0; i < points.Count; i++)
        {
            if (indexes[i] % stride == 0)
            {
                points[kept] = points[i];
                indexes[kept] = indexes[i];
                kept++;
            }
        }

        points.RemoveRange(kept, points.Count - kept);
        indexes.RemoveRange(kept, indexes.Count - kept);
    }

    private BacktestReport Finish(IReadOnlyList<string> files, IReadOnlyDictionary<string, long> badRows)
    {
        var input = new InputSummary(
            files,
            _rowsRead,
            RowsByMarket(),
            _rowsOther,
            _rowsOutside,
            badRows,
            _firstMs,
            _firstMs is null ? null : _lastMs);
        if (_engine is null)
        {
            var none = _options.Setups.Select(s => Empty(s.Symbol)).ToList();
            return new BacktestReport(input, _options.SettingsEcho, Empty(null), none, _oracle?.Result(), null, Sample(), [], [], []);
        }

        _engine.EvaluateRisk();
        Sample(_lastMs, scheduled: true, final: true);
        _pnl?.Record(_engine.Status());
        if (_engine.Risk?.Stop is { } stop)
        {
            _riskStop = $"{RiskRules.Label(stop.Rule)}: {stop.Message}";
        }

        var status = _engine.Status();
        var span = Math.Max(1, _lastMs - _firstMs!.Value);
        var symbols = new List<PnlFigures>();
        foreach (var symbol in status.Symbols.OrderBy(s => s.Symbol, StringComparer.Ordinal))
        {
            var ledger = _ledgers[symbol.Symbol];
            ledger.End(_lastMs);
            var net = symbol.RealizedUsd + symbol.UnrealizedUsd;
            symbols.Add(new PnlFigures(
                symbol.Symbol,
                ledger.Opens + ledger.Closes,
                ledger.Opens,
                ledger.Closes,
                ledger.RoundTrips,
                ledger.Fills,
                ledger.VolumeUsd,
                net + symbol.FeesUsd - symbol.FundingUsd,
                symbol.FeesUsd,
                symbol.FundingUsd,
                net,
                symbol.UnrealizedUsd,
                ledger.Pnl.MaxDrawdown,
                ledger.Pnl.Sharpe,
                ledger.RoundTrips == 0 ? null : Math.Round((decimal)ledger.Wins / ledger.RoundTrips, 6),
                Math.Round((double)ledger.HeldMs / span, 6),
                symbol.LegImbalances));
        }

        if (_accountHeldSinceMs is { } since)
        {
            _accountHeldMs += Math.Max(0, _lastMs - since);
            _accountHeldSinceMs = null;
        }

        var heldMs = _accountHeldMs;
        var trips = symbols.Sum(s => s.RoundTrips);
        var wins = _ledgers.Values.Sum(l => l.Wins);
        var total = new PnlFigures(
            null,
            symbols.Sum(s => s.Trades),
            symbols.Sum(s => s.Opens),
            symbols.Sum(s => s.Closes),
            trips,
            symbols.Sum(s => s.Fills),
            symbols.Sum(s => s.VolumeUsd),
            symbols.Sum(s => s.GrossPnlUsd),
            symbols.Sum(s => s.FeesUsd),
            symbols.Sum(s => s.FundingUsd),
            symbols.Sum(s => s.NetPnlUsd),
            symbols.Sum(s => s.UnrealizedUsd),
            _total.MaxDrawdown,
            _total.Sharpe,
            trips == 0 ? null : Math.Round((decimal)wins / trips, 6),
            Math.Round((double)heldMs / span, 6),
            symbols.Sum(s => s.LegImbalances));
        return new BacktestReport(
            input,
            _options.SettingsEcho,
            total,
            symbols,
            _oracle?.Result(),
            _riskStop,
            Sample(),
            Thin(_equity),
            ThinBasis(),
            _decisions);
    }

    private Dictionary<string, long> RowsByMarket()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var feed in _feeds.OrderBy(f => f.Symbol, StringComparer.Ordinal))
        {
            if (feed.Perp.Rows > 0)
            {
                counts[feed.Symbol + " linear"] = feed.Perp.Rows;
            }

            if (feed.Spot.Rows > 0)
            {
                counts[feed.Symbol + " spot"] = feed.Spot.Rows;
            }
        }

        return counts;
    }

    private long Sample() => (long)_options.EquitySampleInterval.TotalMilliseconds;

    private static PnlFigures Empty(string? symbol) => new(symbol, 0, 0, 0, 0, 0, 0m, 0m, 0m, 0m, 0m, 0m, 0m, null, null, 0, 0);

    // Every k-th point (always keeping the last) so a long run's charts stay a few thousand points.
    private List<EquityPoint> Thin(List<EquityPoint> points)
    {
        var step = (points.Count + _options.MaxChartPoints - 1) / _options.MaxChartPoints;
        if (step <= 1)
        {
            return points;
        }

        var kept = new List<EquityPoint>();
        for (var i = 0; i < points.Count; i += step)
        {
            kept.Add(points[i]);
        }

        if (kept[^1] != points[^1])
        {
            kept.Add(points[^1]);
        }

        return kept;
    }

    private List<BasisPoint> ThinBasis()
    {
        var kept = new List<BasisPoint>();
        foreach (var group in _basis.GroupBy(b => b.Symbol, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var points = group.ToList();
            var step = Math.Max(1, (points.Count + _options.MaxChartPoints - 1) / _options.MaxChartPoints);
            for (var i = 0; i < points.Count; i += step)
            {
                kept.Add(points[i]);
            }
        }

        return kept;
    }
}
