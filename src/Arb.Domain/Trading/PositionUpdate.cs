namespace Arb.Domain.Trading;

/// <summary>
/// A linear perpetual position as the exchange holds it. <paramref name="Size"/> is signed: short is negative,
/// flat is zero.
/// </summary>
public sealed record PositionUpdate(
    string Symbol,
    decimal Size,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal UnrealisedPnl,
    decimal CumRealisedPnl,
    decimal Leverage,
    long UpdatedTimeMs) : IAccountEvent;
