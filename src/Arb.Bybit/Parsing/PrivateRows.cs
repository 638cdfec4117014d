using System.Text.Json;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Json = Arb.Bybit.Rest.JsonValues;

namespace Arb.Bybit.Parsing;

/// <summary>
/// One row of a private push into its domain event, or null for a row the bot does not book (another category,
/// another execution type). Throws <see cref="FormatException"/> for a row that lacks what it needs.
/// Bybit sends "" for unset numbers; those read as zero where zero means "none yet".
/// </summary>
internal static class PrivateRows
{
    public static IAccountEvent? Order(JsonElement row, long creationTime)
    {
        if (!TryCategory(row, out var category))
        {
            return null;
        }

        var avgPrice = Json.OptionalDecimal(row, "avgPrice");
        return new OrderUpdate(
            category,
            Json.RequireString(row, "symbol"),
            Json.RequireString(row, "orderId"),
            Json.OptionalString(row, "orderLinkId") ?? "",
            Side(row),
            Json.OptionalString(row, "orderType") ?? "",
            OrderStatusNames.Parse(Json.RequireString(row, "orderStatus")),
            Json.RequireDecimal(row, "qty"),
            ZeroIfUnset(row, "price"),
            avgPrice is null or 0m ? null : avgPrice,
            ZeroIfUnset(row, "cumExecQty"),
            ZeroIfUnset(row, "cumExecValue"),
            ZeroIfUnset(row, "cumExecFee"),
            ZeroIfUnset(row, "leavesQty"),
            Json.OptionalString(row, "rejectReason") ?? "",
            Json.OptionalInt64(row, "updatedTime") ?? creationTime);
    }

    // Trades become fills and funding settlements payments. ADL and bankruptcy trades move the position just like
    // our own trades, so they are fills too; delivery, settlement and the rest do not occur on USDT perpetuals.
    public static IAccountEvent? Execution(JsonElement row, long creationTime)
    {
        if (!TryCategory(row, out var category))
        {
            return null;
        }

        var symbol = Json.RequireString(row, "symbol");
        var time = Json.OptionalInt64(row, "execTime") ?? creationTime;
        switch (Json.RequireString(row, "execType"))
        {
            case "Trade" or "AdlTrade" or "BustTrade":
                var side = Side(row);
                return new Fill(
                    symbol,
                    category,
                    side,
                    Json.RequireDecimal(row, "execQty"),
                    Json.RequireDecimal(row, "execPrice"),
                    Json.RequireDecimal(row, "execFee"),
                    FeeCoins.For(category, symbol, side, Json.OptionalString(row, "feeCurrency")),
                    Json.OptionalString(row, "orderLinkId") ?? "",
                    Json.RequireString(row, "execId"),
                    time);
            case "Funding":
                // execFee is positive when we paid; the domain counts what we received.
                return new FundingPayment(
                    symbol,
                    -Json.RequireDecimal(row, "execFee"),
                    Json.RequireDecimal(row, "feeRate"),
                    ZeroIfUnset(row, "execValue"),
                    Json.RequireString(row, "execId"),
                    time);
            default:
                return null;
        }
    }

    public static IAccountEvent? FastExecution(JsonElement row, long creationTime)
    {
        if (!TryCategory(row, out var category))
        {
            return null;
        }

        return new FastExecution(
            category,
            Json.RequireString(row, "symbol"),
            Side(row),
            Json.RequireDecimal(row, "execQty"),
            Json.RequireDecimal(row, "execPrice"),
            Json.OptionalString(row, "orderId") ?? "",
            Json.OptionalString(row, "orderLinkId") ?? "",
            Json.RequireString(row, "execId"),
            row.TryGetProperty("isMaker", out var maker) && maker.ValueKind == JsonValueKind.True,
            Json.OptionalInt64(row, "execTime") ?? creationTime);
    }

    // The WebSocket row names the average entry "entryPrice" (REST calls it "avgPrice"); side "" means flat.
    public static IAccountEvent? Position(JsonElement row, long creationTime)
    {
        if (!TryCategory(row, out var category) || category != MarketCategory.Linear)
        {
            return null;
        }

        var size = Json.RequireDecimal(row, "size");
        var signed = Json.OptionalString(row, "side") switch
        {
            "Sell" => -size,
            "Buy" => size,
            null or "None" when size == 0m => 0m,
            var other => throw new FormatException($"position side '{other}' with size {size}"),
        };
        return new PositionUpdate(
            Json.RequireString(row, "symbol"),
            signed,
            ZeroIfUnset(row, "entryPrice"),
            ZeroIfUnset(row, "markPrice"),
            ZeroIfUnset(row, "unrealisedPnl"),
            ZeroIfUnset(row, "cumRealisedPnl"),
            ZeroIfUnset(row, "leverage"),
            Json.OptionalInt64(row, "updatedTime") ?? creationTime);
    }

    public static IAccountEvent? Wallet(JsonElement row, long creationTime)
    {
        var coins = new List<CoinBalance>();
        foreach (var coin in Json.RequireArray(row, "coin").EnumerateArray())
        {
            coins.Add(new CoinBalance(
                Json.RequireString(coin, "coin"),
                Json.RequireDecimal(coin, "walletBalance"),
                ZeroIfUnset(coin, "locked"),
                ZeroIfUnset(coin, "equity")));
        }

        return new WalletUpdate(coins, creationTime);
    }

    private static bool TryCategory(JsonElement row, out MarketCategory category) =>
        MarketCategoryNames.TryParse(Json.RequireString(row, "category"), out category);

    private static TradeSide Side(JsonElement row) => Json.RequireString(row, "side") switch
    {
        "Buy" => TradeSide.Buy,
        "Sell" => TradeSide.Sell,
        var other => throw new FormatException($"unknown side '{other}'"),
    };

    private static decimal ZeroIfUnset(JsonElement row, string name) => Json.OptionalDecimal(row, name) ?? 0m;
}
