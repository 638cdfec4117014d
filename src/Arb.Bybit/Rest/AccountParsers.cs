using System.Text.Json;
using Arb.Domain.Trading;

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

    /// <summary>The one account in <c>list</c> (the request names a single account type).</summary>
    public static WalletBalance ParseWalletBalance(JsonElement result)
    {
        var accounts = JsonValues.RequireArray(result, "list");
        if (accounts.GetArrayLength() != 1)
        {
            throw new FormatException($"expected one account in 'list', got {accounts.GetArrayLength()}.");
        }

        var account = accounts[0];
        return new WalletBalance(
            JsonValues.RequireString(account, "accountType"),
            JsonValues.RequireDecimal(account, "totalEquity"),
            JsonValues.RequireDecimal(account, "totalWalletBalance"),
            JsonValues.OptionalDecimal(account, "totalMarginBalance") ?? 0m,
            JsonValues.OptionalDecimal(account, "totalAvailableBalance") ?? 0m,
            JsonValues.OptionalDecimal(account, "totalPerpUPL") ?? 0m,
            JsonValues.OptionalDecimal(account, "totalInitialMargin") ?? 0m,
            JsonValues.OptionalDecimal(account, "totalMaintenanceMargin") ?? 0m,
            [.. JsonValues.RequireArray(account, "coin").EnumerateArray().Select(ParseCoin)]);
    }

    private static CoinBalance ParseCoin(JsonElement row) => new(
        JsonValues.RequireString(row, "coin"),
        JsonValues.RequireDecimal(row, "walletBalance"),
        JsonValues.OptionalDecimal(row, "locked") ?? 0m,
        JsonValues.RequireDecimal(row, "equity"));
}
