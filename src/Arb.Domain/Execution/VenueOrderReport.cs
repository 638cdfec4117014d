using Arb.Domain.Trading;

namespace Arb.Domain.Execution;

/// <summary>
/// An order's state read back from the venue on demand (the fallback when the account stream is behind or was
/// down): whether it can still trade, and every fill it has had so far. <see cref="FilledQuantity"/> is the
/// venue's cumulative executed quantity; once the order is closed the fills add up to it.
/// </summary>
public sealed record VenueOrderReport(string OrderLinkId, OrderStatus Status, decimal FilledQuantity, IReadOnlyList<Fill> Fills)
{
    public bool IsClosed => Status.IsClosed();
}
