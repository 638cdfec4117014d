namespace Arb.Domain.Trading;

/// <summary>
/// One funding settlement of a perpetual position. <paramref name="Amount"/> is what we received in USDT:
/// negative when we paid (the exchange's fee sign is the opposite). <paramref name="Rate"/> is the settled rate and
/// <paramref name="PositionValue"/> the position's value it applied to.
/// </summary>
public sealed record FundingPayment(
    string Symbol,
    decimal Amount,
    decimal Rate,
    decimal PositionValue,
    string ExecId,
    long TimestampMs) : IAccountEvent;
