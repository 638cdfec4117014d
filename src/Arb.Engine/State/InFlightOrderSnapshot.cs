using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Engine.State;

/// <summary>
/// An order sent but not settled: its intent (the client order id is the key to ask the venue about it), the
/// decision's edge and expected price (for trades.csv when its fills arrive), what had filled so far, and when it
/// was sent (Unix ms; null when unknown). The two legs of one decision share the id's sequence number.
/// </summary>
public sealed record InFlightOrderSnapshot(
    MarketCategory Category,
    string Symbol,
    TradeSide Side,
    decimal Quantity,
    decimal? LimitPrice,
    string OrderLinkId,
    bool ReduceOnly,
    decimal EdgeBps,
    decimal ExpectedPrice,
    decimal FilledQuantity,
    long? SentAtMs);
