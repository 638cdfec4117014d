namespace Arb.Engine.Trading;

/// <summary>
/// A consistent snapshot of one symbol for display and logs: the market as the engine last saw it, the position
/// and its PnL in USDT. Edges are null when the book cannot fill the quantity or there is nothing to close.
/// </summary>
public sealed record SymbolStatus(
    string Symbol,
    SymbolTradingState State,
    decimal? BasisBps,
    decimal? OpenEdgeBps,
    decimal? ReverseEdgeBps,
    decimal? CloseEdgeBps,
    decimal SpotQuantity,
    decimal PerpQuantity,
    decimal SpotEntryPrice,
    decimal PerpEntryPrice,
    decimal RealizedUsd,
    decimal UnrealizedUsd,
    decimal FeesUsd,
    decimal FundingUsd,
    int TradesToday,
    int ExecutionsInFlight,
    long LegImbalances);
