using System.Globalization;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Bybit.Rest;

/// <summary>
/// One order for <c>POST /v5/order/create</c>. <see cref="Qty"/> and <see cref="Price"/> are sent as invariant
/// strings with the scale they carry, so round them to the instrument's step before building the request.
/// </summary>
/// <param name="Qty">Linear and spot limit: base coin. Spot market: in <see cref="MarketUnit"/>.</param>
/// <param name="Price">Required for limit orders; must be null for market orders (Bybit ignores it, so it would only mislead).</param>
/// <param name="OrderLinkId">The client id the engine recorded before sending: ≤36 of <c>[A-Za-z0-9_-]</c>.</param>
/// <param name="TimeInForce">Null sends none: GTC for limit, IOC for market (the only choice Bybit gives market orders).</param>
/// <param name="ReduceOnly">Linear only.</param>
/// <param name="MarketUnit">Spot market orders only; null leaves Bybit's side-dependent default.</param>
public sealed record OrderRequest(
    MarketCategory Category,
    string Symbol,
    TradeSide Side,
    OrderType OrderType,
    decimal Qty,
    string OrderLinkId,
    decimal? Price = null,
    TimeInForce? TimeInForce = null,
    bool ReduceOnly = false,
    MarketUnit? MarketUnit = null)
{
    public const int MaxOrderLinkIdLength = 36;

    /// <summary>Checks what Bybit would refuse anyway, before an order id is spent on it.</summary>
    /// <exception cref="ArgumentException">The request is inconsistent.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Symbol);
        if (Qty <= 0)
        {
            throw new ArgumentException($"Qty must be positive, got {Qty}.", nameof(Qty));
        }

        if (!IsValidOrderLinkId(OrderLinkId))
        {
            throw new ArgumentException($"OrderLinkId must be 1-{MaxOrderLinkIdLength} of [A-Za-z0-9_-], got '{OrderLinkId}'.", nameof(OrderLinkId));
        }

        if (OrderType == OrderType.Limit ? Price is not > 0 : Price is not null)
        {
            throw new ArgumentException($"A {OrderType} order {(OrderType == OrderType.Limit ? "needs a positive price" : "takes no price")}.", nameof(Price));
        }

        if (MarketUnit is not null && (Category != MarketCategory.Spot || OrderType != OrderType.Market))
        {
            throw new ArgumentException("MarketUnit applies to spot market orders only.", nameof(MarketUnit));
        }

        if (ReduceOnly && Category != MarketCategory.Linear)
        {
            throw new ArgumentException("ReduceOnly applies to linear orders only.", nameof(ReduceOnly));
        }
    }

    public static bool IsValidOrderLinkId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxOrderLinkIdLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>The exact body to sign and send, keys always in the same order so equal requests sign equally.</summary>
    public string ToJson()
    {
        Validate();
        return JsonBody.Write(writer =>
        {
            writer.WriteString("category", Category.ToWireName());
            writer.WriteString("symbol", Symbol);
            writer.WriteString("side", Side.ToWireName());
            writer.WriteString("orderType", OrderType.ToWireName());
            writer.WriteString("qty", Qty.ToString(CultureInfo.InvariantCulture));
            if (MarketUnit is { } unit)
            {
                writer.WriteString("marketUnit", unit.ToWireName());
            }

            if (Price is { } price)
            {
                writer.WriteString("price", price.ToString(CultureInfo.InvariantCulture));
            }

            if (TimeInForce is { } timeInForce)
            {
                writer.WriteString("timeInForce", timeInForce.ToWireName());
            }

            writer.WriteString("orderLinkId", OrderLinkId);
            if (ReduceOnly)
            {
                writer.WriteBoolean("reduceOnly", true);
            }
        });
    }
}
