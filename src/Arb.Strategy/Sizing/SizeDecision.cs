namespace Arb.Strategy.Sizing;

/// <summary>
/// The base quantity to trade on both legs, its notional at the sizing price, and the constraint that set it.
/// <see cref="Quantity"/> and <see cref="Notional"/> are zero when no trade is possible; <see cref="LimitedBy"/>
/// then says why.
/// </summary>
public readonly record struct SizeDecision(decimal Quantity, decimal Notional, SizeLimitedBy LimitedBy)
{
    public bool CanTrade => Quantity > 0;

    internal static SizeDecision None(SizeLimitedBy reason) => new(0m, 0m, reason);
}
