using System.Text.Json;

namespace Arb.Bybit.Rest;

/// <summary>Pure functions from the <c>result</c> of account endpoints to values.</summary>
internal static class AccountParsers
{
    public static IReadOnlyList<FeeRate> ParseFeeRates(JsonElement result) =>
    [
        .. JsonValues.RequireArray(result, "list").EnumerateArray().Select(row => new FeeRate(
            JsonValues.RequireString(row, "symbol"),
            JsonValues.RequireDecimal(row, "takerFeeRate"),
            JsonValues.RequireDecimal(row, "makerFeeRate"))),
    ];
}
