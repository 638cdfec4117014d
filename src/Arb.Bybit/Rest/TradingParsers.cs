using System.Text.Json;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Bybit.Rest;

/// <summary>Pure functions from the <c>result</c> of order and execution endpoints to values.</summary>
internal static class TradingParsers
{
    public static OrderAck ParseOrderAck(JsonElement result) => new(
        JsonValues.RequireString(result, "orderId"),
        JsonValues.OptionalString(result, "orderLinkId") ?? string.Empty);

    /// <summary>One page of <c>/v5/order/realtime</c>; <paramref name="nextCursor"/> is null at the end.</summary>
    public static IReadOnlyList<OrderStatusReport> ParseOrders(JsonElement result, out string? nextCursor)
    {
        nextCursor = JsonValues.OptionalString(result, "nextPageCursor");
        return [.. JsonValues.RequireArray(result, "list").EnumerateArray().Select(ParseOrder)];
    }

    public static OrderStatusReport ParseOrder(JsonElement row) => new(
        JsonValues.RequireString(row, "orderId"),
        JsonValues.OptionalString(row, "orderLinkId") ?? string.Empty,
        JsonValues.RequireString(row, "symbol"),
        TradingWireNames.ParseSide(JsonValues.RequireString(row, "side")),
        TradingWireNames.ParseOrderType(JsonValues.RequireString(row, "orderType")),
        JsonValues.RequireString(row, "orderStatus"),
        JsonValues.RequireDecimal(row, "qty"),
        JsonValues.OptionalDecimal(row, "price") ?? 0m,
        JsonValues.OptionalDecimal(row, "avgPrice") is { } avg && avg != 0 ? avg : null,
        JsonValues.RequireDecimal(row, "cumExecQty"),
        JsonValues.OptionalDecimal(row, "cumExecValue") ?? 0m,
        JsonValues.OptionalDecimal(row, "cumExecFee") ?? 0m,
        ParseFeeDetail(row),
        JsonValues.RequireDecimal(row, "leavesQty"),
        JsonValues.RequireInt64(row, "createdTime"),
        JsonValues.RequireInt64(row, "updatedTime"));

    /// <summary>
    /// One page of <c>/v5/execution/list</c> for <paramref name="category"/> (rows do not name it), added to the
    /// lists given; <paramref name="nextCursor"/> is null at the end.
    /// </summary>
    public static void ParseExecutions(
        JsonElement result,
        MarketCategory category,
        List<Fill> fills,
        List<FundingPayment> funding,
        List<string> other,
        out string? nextCursor)
    {
        nextCursor = JsonValues.OptionalString(result, "nextPageCursor");
        foreach (var row in JsonValues.RequireArray(result, "list").EnumerateArray())
        {
            switch (JsonValues.RequireString(row, "execType"))
            {
                case "Trade":
                    fills.Add(ParseFill(row, category));
                    break;
                case "Funding":
                    funding.Add(ParseFunding(row));
                    break;
                case var execType:
                    other.Add(execType);
                    break;
            }
        }
    }

    public static Fill ParseFill(JsonElement row, MarketCategory category)
    {
        var symbol = JsonValues.RequireString(row, "symbol");
        var side = TradingWireNames.ParseSide(JsonValues.RequireString(row, "side"));
        return new Fill(
            symbol,
            category,
            side,
            JsonValues.RequireDecimal(row, "execQty"),
            JsonValues.RequireDecimal(row, "execPrice"),
            JsonValues.RequireDecimal(row, "execFee"),
            Parsing.FeeCoins.For(category, symbol, side, JsonValues.OptionalString(row, "feeCurrency")),
            JsonValues.OptionalString(row, "orderLinkId") ?? string.Empty,
            JsonValues.RequireString(row, "execId"),
            JsonValues.RequireInt64(row, "execTime"));
    }

    // execFee is what the account paid, so a payment received shows as a negative fee.
    public static FundingPayment ParseFunding(JsonElement row) => new(
        JsonValues.RequireString(row, "symbol"),
        -JsonValues.RequireDecimal(row, "execFee"),
        JsonValues.RequireDecimal(row, "feeRate"),
        JsonValues.OptionalDecimal(row, "execValue") ?? 0m,
        JsonValues.RequireString(row, "execId"),
        JsonValues.RequireInt64(row, "execTime"));

    private static Dictionary<string, decimal> ParseFeeDetail(JsonElement row)
    {
        var detail = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (row.TryGetProperty("cumFeeDetail", out var fees) && fees.ValueKind == JsonValueKind.Object)
        {
            foreach (var fee in fees.EnumerateObject())
            {
                detail[fee.Name] = JsonValues.ElementDecimal(fee.Value, $"cumFeeDetail.{fee.Name}");
            }
        }

        return detail;
    }
}
