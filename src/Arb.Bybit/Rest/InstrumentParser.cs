using System.Text.Json;
using Arb.Domain.Market;

namespace Arb.Bybit.Rest;

/// <summary>
/// Maps <c>instruments-info</c> rows to <see cref="InstrumentSpec"/>. Spot and linear name their limits
/// differently (spot has no qtyStep: its base granularity is <c>basePrecision</c>).
/// </summary>
internal static class InstrumentParser
{
    /// <summary>One page: its rows and the cursor of the next page (null at the end).</summary>
    public static IReadOnlyList<InstrumentSpec> ParsePage(JsonElement result, MarketCategory category, out string? nextCursor)
    {
        nextCursor = JsonValues.OptionalString(result, "nextPageCursor");
        return [.. JsonValues.RequireArray(result, "list").EnumerateArray().Select(row => Parse(row, category))];
    }

    public static InstrumentSpec Parse(JsonElement row, MarketCategory category) => category switch
    {
        MarketCategory.Linear => ParseLinear(row),
        MarketCategory.Spot => ParseSpot(row),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "unknown market category"),
    };

    public static InstrumentSpec ParseLinear(JsonElement row)
    {
        var lot = JsonValues.RequireObject(row, "lotSizeFilter");
        var price = JsonValues.RequireObject(row, "priceFilter");
        return new InstrumentSpec(
            Symbol: JsonValues.RequireString(row, "symbol"),
            Category: MarketCategory.Linear,
            Status: JsonValues.RequireString(row, "status"),
            BaseCoin: JsonValues.RequireString(row, "baseCoin"),
            QuoteCoin: JsonValues.RequireString(row, "quoteCoin"),
            TickSize: JsonValues.RequireDecimal(price, "tickSize"),
            QtyStep: JsonValues.RequireDecimal(lot, "qtyStep"),
            MinOrderQty: JsonValues.RequireDecimal(lot, "minOrderQty"),
            MinNotional: JsonValues.RequireDecimal(lot, "minNotionalValue"),
            MaxMarketOrderQty: JsonValues.OptionalDecimal(lot, "maxMktOrderQty"),
            FundingIntervalMinutes: JsonValues.OptionalInt32(row, "fundingInterval"));
    }

    public static InstrumentSpec ParseSpot(JsonElement row)
    {
        var lot = JsonValues.RequireObject(row, "lotSizeFilter");
        var price = JsonValues.RequireObject(row, "priceFilter");
        var basePrecision = JsonValues.RequireDecimal(lot, "basePrecision");
        return new InstrumentSpec(
            Symbol: JsonValues.RequireString(row, "symbol"),
            Category: MarketCategory.Spot,
            Status: JsonValues.RequireString(row, "status"),
            BaseCoin: JsonValues.RequireString(row, "baseCoin"),
            QuoteCoin: JsonValues.RequireString(row, "quoteCoin"),
            TickSize: JsonValues.RequireDecimal(price, "tickSize"),
            QtyStep: basePrecision,
            // Spot minOrderQty is deprecated; without it the smallest representable quantity is the floor.
            MinOrderQty: JsonValues.OptionalDecimal(lot, "minOrderQty") ?? basePrecision,
            MinNotional: JsonValues.RequireDecimal(lot, "minOrderAmt"),
            MaxMarketOrderQty: JsonValues.OptionalDecimal(lot, "maxMarketOrderQty"),
            FundingIntervalMinutes: null);
    }
}
