using Arb.Domain.Books;
using Arb.Domain.Trading;
using Arb.Strategy.Edge;

namespace Arb.Engine.Trading;

/// <summary>
/// Skipping the full edge features on an update where the estimator provably holds (an <see cref="IBoundedEdgeEstimator"/>
/// told so by the best-price bounds), and computing them later, exactly as they would have been, when the status asks.
/// </summary>
/// <remarks>
/// Only plain holds are skipped: no forced close or rebalance pending, nothing in flight, and one-level books (the
/// backtest's quote books), whose four best levels are all the later computation needs; deeper books (live) always
/// take the full path, since their levels cannot be kept cheaply and the market-data thread changes them.
/// </remarks>
public sealed partial class SymbolTrader
{
    private PendingEdges _pendingEdges;
    private bool _edgesPending;
    private OrderBook? _pendingSpotBook;
    private OrderBook? _pendingPerpBook;

    private bool CanSkipEdges(
        OrderBook spot, OrderBook perp, in PriceLevel spotBid, in PriceLevel spotAsk, in PriceLevel perpBid, in PriceLevel perpAsk, decimal held, long nowMs) =>
        _setup.Estimator is IBoundedEdgeEstimator bounded
        && !_flatten && !_rebalance && _opensInFlight == 0 && _closesInFlight == 0
        && spot.Bids.Count == 1 && spot.Asks.Count == 1 && perp.Bids.Count == 1 && perp.Asks.Count == 1
        && bounded.HoldsBelow(EdgeUpperBounds.Of(spotBid, spotAsk, perpBid, perpAsk, held, BoundFeesBps(), BoundShortFundingBps(nowMs)));

    // The bounds' costs in bps, kept while the costs (set only at construction and by OnTicker) and the number of
    // settlements ahead stay the same: the same expressions on the same inputs as EdgeUpperBounds.Of(…, costs, now).
    private int _costsVersion;
    private int _boundFeesVersion = -1;
    private double _boundFees;
    private int _boundFundingVersion = -1;
    private int _boundSettlements;
    private double _boundShortFunding;

    private double BoundFeesBps()
    {
        if (_boundFeesVersion != _costsVersion)
        {
            _boundFees = EdgeUpperBounds.FeesBps(_costs);
            _boundFeesVersion = _costsVersion;
        }

        return _boundFees;
    }

    private double BoundShortFundingBps(long nowMs)
    {
        var settlements = _costs.SettlementsWithin(nowMs);
        if (_boundFundingVersion != _costsVersion || _boundSettlements != settlements)
        {
            _boundShortFunding = EdgeUpperBounds.ShortFundingBps(_costs, settlements);
            _boundSettlements = settlements;
            _boundFundingVersion = _costsVersion;
        }

        return _boundShortFunding;
    }

    // The features the skipped update would have computed: its books rebuilt from the kept levels, sized and
    // priced by the same code with the same inputs.
    private void ComputePendingEdges()
    {
        if (!_edgesPending)
        {
            return;
        }

        var p = _pendingEdges;
        var spot = _pendingSpotBook ??= new OrderBook(Symbol, Domain.Market.MarketCategory.Spot, 1);
        var perp = _pendingPerpBook ??= new OrderBook(Symbol, Domain.Market.MarketCategory.Linear, 1);
        spot.ApplySnapshot([p.SpotBid], [p.SpotAsk], 0, 0, p.NowMs);
        perp.ApplySnapshot([p.PerpBid], [p.PerpAsk], 0, 0, p.NowMs);
        var openQuantity = p.OpensAllowed ? OpenQuantity(spot, perp, p.SpotBid.Price, p.Room, p.VolatilityBps) : 0m;
        _last = EdgeCalculator.Compute(spot, perp, openQuantity, p.Held, p.CoinAvailable, p.Costs, p.NowMs);
        _edgesPending = false;
    }

    private readonly record struct PendingEdges(
        PriceLevel SpotBid,
        PriceLevel SpotAsk,
        PriceLevel PerpBid,
        PriceLevel PerpAsk,
        bool OpensAllowed,
        decimal Room,
        double VolatilityBps,
        decimal Held,
        decimal CoinAvailable,
        EdgeCosts Costs,
        long NowMs);
}
