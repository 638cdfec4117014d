using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Microsoft.Extensions.Logging;

namespace Arb.Engine.Execution;

/// <summary>
/// Runs one two-leg trade: both IOC legs sent at once, their outcomes collected, and any difference between the
/// legs hedged at once. The imbalance is the signed quantity the legs failed to fill (what the fills changed in
/// the net exposure beyond what the plan meant to: a close's legs differ by the spot fee dust by design); while it
/// is a lot step or more, market orders bring it back: first completing the leg that fell short, then, if that leg cannot
/// (refused, below its minimums), unwinding the excess on the other. Rounds repeat until hedged; past
/// LEG_HEDGE_TIMEOUT_SEC every further round is logged as an error. An excess below both legs' minimums, which no
/// order can take, ends the rounds with an error. Every imbalance is counted and logged.
/// </summary>
public sealed partial class PairExecutor
{
    private readonly IExecutionVenue _venue;
    private readonly OrderTracker _tracker;
    private readonly ClientOrderIds _ids;
    private readonly ExecutionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OrderSettler _settler;
    private long _imbalances;
    private long _unhedgedPastTimeout;

    public PairExecutor(
        IExecutionVenue venue, OrderTracker tracker, IFillBook book, ClientOrderIds ids, ExecutionOptions options, TimeProvider time, ILogger logger)
    {
        _venue = venue ?? throw new ArgumentNullException(nameof(venue));
        _tracker = tracker ?? throw new ArgumentNullException(nameof(tracker));
        _ids = ids ?? throw new ArgumentNullException(nameof(ids));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _settler = new OrderSettler(venue, tracker, book ?? throw new ArgumentNullException(nameof(book)), options, time, logger);
    }

    /// <summary>Where orders sent, refused and filled are counted.</summary>
    public Trading.IEngineMetrics Metrics
    {
        get => _settler.Metrics;
        set => _settler.Metrics = value ?? Trading.IEngineMetrics.None;
    }

    /// <summary>Raised when the venue refuses one of our orders.</summary>
    public event Action<string>? OrderRejected
    {
        add => _settler.Rejected += value;
        remove => _settler.Rejected -= value;
    }

    /// <summary>Two-leg executions whose legs filled unequally.</summary>
    public long Imbalances => Interlocked.Read(ref _imbalances);

    /// <summary>Hedge rounds that ran after LEG_HEDGE_TIMEOUT_SEC had passed.</summary>
    public long UnhedgedPastTimeout => Interlocked.Read(ref _unhedgedPastTimeout);

    /// <summary>
    /// Records both orders, sends them, and returns once both legs are settled and hedged. The synchronous part
    /// (tracking, then the venue's own serialization and signing) runs on the caller's thread.
    /// </summary>
    public async Task<PairResult> ExecuteAsync(PairPlan plan, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // A leg of quantity 0 (a close whose other leg is only dust) is not sent.
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var spot = plan.Spot.Quantity > 0m ? _tracker.Track(plan.Spot, plan.EdgeBps, plan.ExpectedSpotPrice, nowMs) : null;
        var perp = plan.Perp.Quantity > 0m ? _tracker.Track(plan.Perp, plan.EdgeBps, plan.ExpectedPerpPrice, nowMs) : null;
        var spotTask = spot is null ? Task.FromResult(0m) : _settler.SubmitAndSettleAsync(spot, ct);
        var perpTask = perp is null ? Task.FromResult(0m) : _settler.SubmitAndSettleAsync(perp, ct);
        try
        {
            await Task.WhenAll(spotTask, perpTask).ConfigureAwait(false);
        }
        finally
        {
            Forget(spot);
            Forget(perp);
        }

        var spotLeg = new LegOutcome(plan.Spot.Quantity, spot?.FilledQuantity ?? 0m, spot?.Reason);
        var perpLeg = new LegOutcome(plan.Perp.Quantity, perp?.FilledQuantity ?? 0m, perp?.Reason);

        // The imbalance is what the fills changed beyond what the plan meant to change: a close may by design leave
        // the legs a fee's worth of coin apart, and that is not hedged; a leg that filled short is.
        var net = Signed(plan.Spot.Side, spotLeg.Filled) + Signed(plan.Perp.Side, perpLeg.Filled)
            - (Signed(plan.Spot.Side, spotLeg.Requested) + Signed(plan.Perp.Side, perpLeg.Requested));
        var tolerance = Math.Max(plan.SpotLot.QtyStep, plan.PerpLot.QtyStep);
        if (Math.Abs(net) < tolerance)
        {
            return new PairResult(plan, spotLeg, perpLeg, HadImbalance: false, HedgeOrders: 0, net, TimeSpan.Zero);
        }

        Interlocked.Increment(ref _imbalances);
        LogImbalance(plan.Symbol, plan.Kind.ToString(), spotLeg.Filled, spotLeg.Requested, perpLeg.Filled, perpLeg.Requested, net,
            spotLeg.Shortfall ?? perpLeg.Shortfall ?? "partial fill");
        var started = _time.GetTimestamp();
        var (hedges, left) = await HedgeAsync(plan, spotLeg, perpLeg, net, tolerance, ct).ConfigureAwait(false);
        var took = _time.GetElapsedTime(started);
        LogHedged(plan.Symbol, hedges, took.TotalMilliseconds, left);
        return new PairResult(plan, spotLeg, perpLeg, HadImbalance: true, hedges, left, took);
    }

    private async Task<(int Orders, decimal Net)> HedgeAsync(
        PairPlan plan, LegOutcome spot, LegOutcome perp, decimal net, decimal tolerance, CancellationToken ct)
    {
        var deadline = _time.GetTimestamp() + (long)(_options.LegHedgeTimeout.TotalSeconds * _time.TimestampFrequency);
        var lagging = Ratio(spot) <= Ratio(perp) ? MarketCategory.Spot : MarketCategory.Linear;
        var orders = 0;
        var round = 0;
        while (Math.Abs(net) >= tolerance)
        {
            ct.ThrowIfCancellationRequested();
            if (_time.GetTimestamp() > deadline)
            {
                Interlocked.Increment(ref _unhedgedPastTimeout);
                LogPastTimeout(plan.Symbol, net, _options.LegHedgeTimeout.TotalSeconds, round);
            }

            var progressed = false;
            var sendable = false;
            foreach (var category in new[] { lagging, Other(lagging) })
            {
                var intent = HedgeOrder(plan, category, net);
                if (intent is null)
                {
                    continue;
                }

                sendable = true;
                orders++;
                var expected = category == MarketCategory.Spot ? plan.ExpectedSpotPrice : plan.ExpectedPerpPrice;
                var order = _tracker.Track(intent, plan.EdgeBps, expected, _time.GetUtcNow().ToUnixTimeMilliseconds());
                decimal filled;
                try
                {
                    filled = await _settler.SubmitAndSettleAsync(order, ct).ConfigureAwait(false);
                }
                finally
                {
                    _tracker.Forget(order);
                }

                if (filled > 0m)
                {
                    net += Signed(intent.Side, filled);
                    progressed = true;
                    break;
                }
            }

            if (!sendable)
            {
                // Neither leg takes this quantity (below both minimums), and retrying cannot change that.
                LogUnhedgeable(plan.Symbol, net);
                break;
            }

            round++;
            if (!progressed && Math.Abs(net) >= tolerance)
            {
                await Task.Delay(_options.RetryDelay, _time, ct).ConfigureAwait(false);
            }
        }

        return (orders, net);
    }

    // A market order on one leg that brings the net exposure closest to zero, or null when that leg cannot take the
    // quantity (rounds to nothing, or below its minimum quantity or notional).
    private OrderIntent? HedgeOrder(PairPlan plan, MarketCategory category, decimal net)
    {
        var lot = category == MarketCategory.Spot ? plan.SpotLot : plan.PerpLot;
        var price = category == MarketCategory.Spot ? plan.ExpectedSpotPrice : plan.ExpectedPerpPrice;
        // To the nearest step: what is left is at most half a step of this leg.
        var quantity = Math.Round(Math.Abs(net) / lot.QtyStep, MidpointRounding.AwayFromZero) * lot.QtyStep;
        if (quantity <= 0m || quantity < lot.MinQty || quantity * price < lot.MinNotional)
        {
            return null;
        }

        var side = net > 0m ? TradeSide.Sell : TradeSide.Buy;
        return new OrderIntent(category, plan.Symbol, side, quantity, LimitPrice: null, _ids.NextHedge());
    }

    private void Forget(TrackedOrder? order)
    {
        if (order is not null)
        {
            _tracker.Forget(order);
        }
    }

    private static decimal Signed(TradeSide side, decimal quantity) => side == TradeSide.Buy ? quantity : -quantity;

    private static decimal Ratio(LegOutcome leg) => leg.Requested == 0m ? 1m : leg.Filled / leg.Requested;

    private static MarketCategory Other(MarketCategory category) =>
        category == MarketCategory.Spot ? MarketCategory.Linear : MarketCategory.Spot;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol} {Kind}: legs filled unequally (spot {SpotFilled}/{SpotRequested}, perp {PerpFilled}/{PerpRequested}, net {Net}; {Reason}); hedging")]
    private partial void LogImbalance(string symbol, string kind, decimal spotFilled, decimal spotRequested, decimal perpFilled, decimal perpRequested, decimal net, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: hedged with {Orders} order(s) in {Milliseconds:0} ms, net left {Net}")]
    private partial void LogHedged(string symbol, int orders, double milliseconds, decimal net);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Symbol}: net {Net} cannot be hedged: below both legs' minimum quantity or order value; left open")]
    private partial void LogUnhedgeable(string symbol, decimal net);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Symbol}: net {Net} still unhedged past LEG_HEDGE_TIMEOUT_SEC ({Timeout} s), round {Round}")]
    private partial void LogPastTimeout(string symbol, decimal net, double timeout, int round);
}
