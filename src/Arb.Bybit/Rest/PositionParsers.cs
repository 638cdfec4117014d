using System.Text.Json;
using Arb.Domain.Trading;

namespace Arb.Bybit.Rest;

/// <summary>Pure functions from the <c>result</c> of <c>/v5/position/list</c> to values.</summary>
internal static class PositionParsers
{
    /// <summary>One page; <paramref name="nextCursor"/> is null at the end.</summary>
    public static IReadOnlyList<PositionReport> ParsePositions(JsonElement result, out string? nextCursor)
    {
        nextCursor = JsonValues.OptionalString(result, "nextPageCursor");
        return [.. JsonValues.RequireArray(result, "list").EnumerateArray().Select(ParsePosition)];
    }

    public static PositionReport ParsePosition(JsonElement row)
    {
        // A flat row says side "" and leaves the PnL fields empty.
        TradeSide? side = JsonValues.OptionalString(row, "side") is { } text ? TradingWireNames.ParseSide(text) : null;
        var size = JsonValues.RequireDecimal(row, "size");
        return new PositionReport(
            JsonValues.RequireString(row, "symbol"),
            side,
            side == TradeSide.Sell ? -size : size,
            JsonValues.OptionalDecimal(row, "avgPrice") ?? 0m,
            JsonValues.OptionalDecimal(row, "markPrice") ?? 0m,
            JsonValues.OptionalDecimal(row, "unrealisedPnl") ?? 0m,
            JsonValues.OptionalDecimal(row, "cumRealisedPnl") ?? 0m,
            JsonValues.RequireDecimal(row, "leverage"));
    }
}
