namespace Arb.Engine.State;

/// <summary>
/// One leg: the signed open quantity, the realised price PnL, and the open lots oldest first (their quantities
/// unsigned and adding up to the quantity's size), which are the entry prices.
/// </summary>
public sealed record LegSnapshot(decimal Quantity, decimal Realized, IReadOnlyList<LotSnapshot> Lots)
{
    public static LegSnapshot Flat { get; } = new(0m, 0m, []);
}
