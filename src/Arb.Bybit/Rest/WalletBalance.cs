using Arb.Domain.Trading;

namespace Arb.Bybit.Rest;

/// <summary>The unified account from <c>GET /v5/account/wallet-balance</c>; totals are in USD.</summary>
public sealed record WalletBalance(
    string AccountType,
    decimal TotalEquity,
    decimal TotalWalletBalance,
    decimal TotalMarginBalance,
    decimal TotalAvailableBalance,
    decimal TotalPerpUnrealisedPnl,
    decimal TotalInitialMargin,
    decimal TotalMaintenanceMargin,
    IReadOnlyList<CoinBalance> Coins)
{
    /// <summary>The coin's balance, or null when Bybit omitted it (zero balances are left out unless asked for).</summary>
    public CoinBalance? Find(string coin) => Coins.FirstOrDefault(c => string.Equals(c.Coin, coin, StringComparison.Ordinal));
}
