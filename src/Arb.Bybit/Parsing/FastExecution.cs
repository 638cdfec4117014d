using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Bybit.Parsing;

/// <summary>
/// Bybit's low-latency trade notice (<c>execution.fast</c>): price and size without the fee. The full execution
/// with the fee follows on <c>execution</c> under the same <paramref name="ExecId"/>, so whoever subscribes to both
/// must not book this one as a fill. Bybit-shaped, hence here rather than in the domain.
/// </summary>
public sealed record FastExecution(
    MarketCategory Category,
    string Symbol,
    TradeSide Side,
    decimal Quantity,
    decimal Price,
    string OrderId,
    string OrderLinkId,
    string ExecId,
    bool IsMaker,
    long TimestampMs) : IAccountEvent;
