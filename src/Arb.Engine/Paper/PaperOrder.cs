using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Engine.Paper;

/// <summary>
/// One paper order as the venue remembers it for queries: the intent, its venue id, the quantity it could trade
/// (a reduce-only order is trimmed to the position, as Bybit does), its status and every fill. Not thread-safe:
/// written under the venue's account lock, read back as a copy.
/// </summary>
internal sealed class PaperOrder(OrderIntent intent, string orderId, decimal quantity)
{
    private readonly List<Fill> _fills = [];

    public OrderIntent Intent { get; } = intent;

    public string OrderId { get; } = orderId;

    public decimal Quantity { get; } = quantity;

    public OrderStatus Status { get; set; } = OrderStatus.New;

    public string RejectReason { get; set; } = "";

    public decimal CumQuantity { get; private set; }

    public decimal CumValue { get; private set; }

    public decimal CumFee { get; private set; }

    public IReadOnlyList<Fill> Fills => _fills;

    public MarketCategory Category => Intent.Category;

    public string Symbol => Intent.Symbol;

    public void Add(Fill fill)
    {
        _fills.Add(fill);
        CumQuantity += fill.Quantity;
        CumValue += fill.Quantity * fill.Price;
        CumFee += fill.Fee;
    }

    public VenueOrderReport Report() => new(Intent.OrderLinkId, Status, CumQuantity, [.. _fills]);

    /// <summary>The order as Bybit's order topic would show it now; nothing is left open once it is closed.</summary>
    public OrderUpdate Update(long timestampMs) => new(
        Intent.Category,
        Intent.Symbol,
        OrderId,
        Intent.OrderLinkId,
        Intent.Side,
        Intent.IsMarket ? "Market" : "Limit",
        Status,
        Quantity,
        Intent.LimitPrice ?? 0m,
        CumQuantity == 0m ? null : CumValue / CumQuantity,
        CumQuantity,
        CumValue,
        CumFee,
        Status.IsClosed() ? 0m : Quantity - CumQuantity,
        RejectReason,
        timestampMs);
}
