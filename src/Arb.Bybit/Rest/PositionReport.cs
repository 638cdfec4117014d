using Arb.Domain.Trading;

namespace Arb.Bybit.Rest;

/// <summary>One linear position from <c>GET /v5/position/list</c> (one-way mode).</summary>
/// <param name="Side">Null when flat (Bybit sends "").</param>
/// <param name="Size">Signed: a short is negative, flat is 0.</param>
/// <param name="AvgPrice">REST's <c>avgPrice</c> (the WS stream calls it entryPrice); 0 when flat.</param>
/// <param name="UnrealisedPnl">0 when flat (Bybit sends "").</param>
public sealed record PositionReport(
    string Symbol,
    TradeSide? Side,
    decimal Size,
    decimal AvgPrice,
    decimal MarkPrice,
    decimal UnrealisedPnl,
    decimal CumRealisedPnl,
    decimal Leverage);
