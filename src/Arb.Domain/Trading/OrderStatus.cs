namespace Arb.Domain.Trading;

/// <summary>An order's lifecycle state, named as Bybit names it.</summary>
public enum OrderStatus
{
    /// <summary>A status this build does not know; treated as open so the engine re-checks it over REST.</summary>
    Unknown,
    New,
    PartiallyFilled,
    Untriggered,
    Rejected,

    /// <summary>Spot only: part filled, the rest cancelled.</summary>
    PartiallyFilledCanceled,
    Filled,

    /// <summary>Derivatives: may still carry fills (<see cref="OrderUpdate.CumExecQty"/> above zero).</summary>
    Cancelled,
    Triggered,
    Deactivated,
}

public static class OrderStatusNames
{
    public static OrderStatus Parse(string? text) =>
        Enum.TryParse<OrderStatus>(text, ignoreCase: false, out var status) && status != OrderStatus.Unknown && Enum.IsDefined(status)
            ? status
            : OrderStatus.Unknown;

    /// <summary>True once the order can change no more.</summary>
    public static bool IsClosed(this OrderStatus status) => status is OrderStatus.Rejected or OrderStatus.PartiallyFilledCanceled
        or OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Triggered or OrderStatus.Deactivated;
}
