using Arb.Domain.Market;

namespace Arb.Domain.Trading;

/// <summary>
/// One execution of one of our orders, as the exchange reports it. <paramref name="Fee"/> is in
/// <paramref name="FeeCoin"/>: on spot Bybit charges a buy's fee in the base coin and a sell's in the quote coin;
/// on linear always in USDT.
/// </summary>
public sealed record Fill(
    string Symbol,
    MarketCategory Category,
    TradeSide Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    string FeeCoin,
    string OrderLinkId,
    string ExecId,
    long TimestampMs) : IAccountEvent;
