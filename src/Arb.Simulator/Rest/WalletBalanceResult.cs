using System.Text.Json;
using Arb.Simulator.Trading;

namespace Arb.Simulator.Rest;

/// <summary>
/// <c>/v5/account/wallet-balance</c> for a unified account. Every coin counts at full value as collateral (no
/// haircut) and maintenance margin is not simulated, so those figures are 0. USD values use each coin's index
/// price (USDT = 1). Open linear orders hold USDT as order margin; open spot orders lock the coin they spend.
/// </summary>
internal sealed class WalletBalanceResult
{
    private readonly List<CoinRow> _coins = [];

    private WalletBalanceResult()
    {
    }

    private decimal PositionIM { get; init; }

    private decimal OrderIM { get; init; }

    private decimal PerpUpl { get; init; }

    /// <summary>The account's coins: those held (non-zero) or, when <paramref name="coins"/> is given, exactly those.</summary>
    public static WalletBalanceResult Of(SimAccount account, MatchingEngine engine, IReadOnlyList<string>? coins)
    {
        var orderIM = account.OpenOrders.Where(o => o.Category == Arb.Domain.Market.MarketCategory.Linear).Sum(o => o.LockedAmount);
        var upl = engine.UnrealisedPnl(account);
        var result = new WalletBalanceResult { PositionIM = account.PositionMargin, OrderIM = orderIM, PerpUpl = upl };
        var names = coins ?? [.. account.Coins.Values.Where(c => c.WalletBalance != 0 || c.Locked != 0).Select(c => c.Coin).Order(StringComparer.Ordinal)];
        foreach (var name in names)
        {
            // Read without creating: asking about a coin must not open a balance for it.
            account.Coins.TryGetValue(name, out var balance);
            var usdt = name == Coins.Usdt;
            var walletBalance = balance?.WalletBalance ?? 0m;
            var locked = (balance?.Locked ?? 0m) - (usdt ? orderIM : 0m);
            var coinUpl = usdt ? upl : 0m;
            var price = usdt ? 1m : engine.Market.Find(name + Coins.Usdt)?.IndexPrice ?? 0m;
            result._coins.Add(new CoinRow(name, walletBalance, locked, walletBalance + coinUpl, price, coinUpl,
                usdt ? account.Positions.Values.Sum(p => p.CumRealisedPnl) : 0m,
                usdt ? account.PositionMargin : 0m,
                usdt ? orderIM : 0m));
        }

        return result;
    }

    public void Write(Utf8JsonWriter writer)
    {
        var totalEquity = _coins.Sum(c => c.Equity * c.UsdPrice);
        var totalWallet = _coins.Sum(c => c.WalletBalance * c.UsdPrice);
        var lockedValue = _coins.Sum(c => c.Locked * c.UsdPrice);
        var initialMargin = PositionIM + OrderIM;
        var imRate = totalEquity > 0 ? initialMargin / totalEquity : 0m;
        writer.WriteStartArray("list");
        writer.WriteStartObject();
        writer.WriteString("accountType", "UNIFIED");
        writer.WriteAmount("totalEquity", totalEquity);
        writer.WriteAmount("totalWalletBalance", totalWallet);
        writer.WriteAmount("totalMarginBalance", totalEquity);
        writer.WriteAmount("totalAvailableBalance", totalEquity - initialMargin - lockedValue);
        writer.WriteAmount("totalPerpUPL", PerpUpl);
        writer.WriteAmount("totalInitialMargin", initialMargin);
        writer.WriteAmount("totalInitialMarginByMp", initialMargin);
        writer.WriteString("totalMaintenanceMargin", "0");
        writer.WriteString("totalMaintenanceMarginByMp", "0");
        writer.WriteAmount("accountIMRate", imRate, 4);
        writer.WriteAmount("accountIMRateByMp", imRate, 4);
        writer.WriteString("accountMMRate", "0");
        writer.WriteString("accountMMRateByMp", "0");
        writer.WriteString("accountLTV", "0");
        writer.WriteStartArray("coin");
        foreach (var coin in _coins)
        {
            coin.Write(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private sealed record CoinRow(
        string Coin, decimal WalletBalance, decimal Locked, decimal Equity, decimal UsdPrice, decimal UnrealisedPnl,
        decimal CumRealisedPnl, decimal PositionIM, decimal OrderIM)
    {
        public void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("coin", Coin);
            writer.WriteAmount("equity", Equity);
            writer.WriteAmount("usdValue", Equity * UsdPrice);
            writer.WritePlainString("walletBalance", WalletBalance); // exact: fees are not rounded either
            writer.WritePlainString("locked", Locked);
            writer.WriteString("spotHedgingQty", "0");
            writer.WriteString("borrowAmount", "0");
            writer.WriteString("accruedInterest", "0");
            writer.WriteAmount("totalOrderIM", OrderIM);
            writer.WriteAmount("totalPositionIM", PositionIM);
            writer.WriteString("totalPositionMM", "0");
            writer.WriteAmount("unrealisedPnl", UnrealisedPnl);
            writer.WriteAmount("cumRealisedPnl", CumRealisedPnl);
            writer.WriteString("bonus", "0");
            writer.WriteBoolean("collateralSwitch", true);
            writer.WriteBoolean("marginCollateral", true);
            writer.WriteString("spotBorrow", "0");

            // Deprecated by Bybit and sent empty.
            writer.WriteString("free", "");
            writer.WriteString("availableToBorrow", "");
            writer.WriteString("availableToWithdraw", "");
            writer.WriteEndObject();
        }
    }
}
