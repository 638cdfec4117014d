namespace Arb.Domain.Trading;

/// <summary>
/// Something the exchange told us about our own account: an order changed, a trade or a funding settlement
/// happened, a position or a balance moved. The private stream delivers them in the exchange's order.
/// </summary>
public interface IAccountEvent;
