namespace Arb.Bybit.Rest;

/// <summary>The account's fee rates for one symbol (<c>GET /v5/account/fee-rate</c>), as fractions (0.001 = 0.1 %).</summary>
public sealed record FeeRate(string Symbol, decimal TakerFeeRate, decimal MakerFeeRate);
