namespace Arb.Strategy.Sizing;

/// <summary>
/// What an exchange accepts as an order quantity for one instrument: a multiple of <paramref name="QtyStep"/>,
/// at least <paramref name="MinQty"/>, and worth at least <paramref name="MinNotional"/> in quote coin.
/// </summary>
public readonly record struct LotRules(decimal QtyStep, decimal MinQty, decimal MinNotional);
