namespace Arb.Bybit.Rest;

/// <summary>One settled funding rate of a perpetual (<c>GET /v5/market/funding/history</c>).</summary>
/// <param name="Rate">The rate that settled; positive means longs paid shorts.</param>
/// <param name="TimestampMs">When it settled, Unix ms.</param>
public sealed record FundingRecord(string Symbol, decimal Rate, long TimestampMs);
