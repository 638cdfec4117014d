namespace Arb.Engine.Execution;

/// <summary>How one leg ended: the quantity that filled, and why it filled less than asked when it did.</summary>
public readonly record struct LegOutcome(decimal Requested, decimal Filled, string? Shortfall)
{
    public bool IsComplete => Filled == Requested;
}
