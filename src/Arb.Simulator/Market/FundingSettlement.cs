namespace Arb.Simulator.Market;

/// <summary>A funding rate that settled at <paramref name="TimestampMs"/> (positive: longs pay shorts).</summary>
public sealed record FundingSettlement(string Symbol, decimal Rate, long TimestampMs);
