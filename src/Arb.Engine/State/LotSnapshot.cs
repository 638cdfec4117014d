namespace Arb.Engine.State;

/// <summary>One open lot of a leg: an unsigned quantity bought or sold at <paramref name="Price"/>.</summary>
public sealed record LotSnapshot(decimal Quantity, decimal Price);
