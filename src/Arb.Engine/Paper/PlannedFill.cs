namespace Arb.Engine.Paper;

/// <summary>One level's share of a paper order: the copied level it takes from, that level's price, the quantity.</summary>
internal readonly record struct PlannedFill(int Level, decimal Price, decimal Quantity);
