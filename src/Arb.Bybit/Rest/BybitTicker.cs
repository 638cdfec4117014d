using Arb.Domain.Market;

namespace Arb.Bybit.Rest;

/// <summary>
/// One row of <c>GET /v5/market/tickers</c>. Fields the exchange leaves out or sends as "" are null; the
/// perpetual-only fields are always null for spot.
/// </summary>
public sealed record BybitTicker(
    string Symbol,
    MarketCategory Category,
    decimal? LastPrice,
    decimal? Bid1Price,
    decimal? Bid1Size,
    decimal? Ask1Price,
    decimal? Ask1Size,
    decimal? MarkPrice,
    decimal? IndexPrice,
    decimal? FundingRate,
    long? NextFundingTimeMs,
    int? FundingIntervalHours);
