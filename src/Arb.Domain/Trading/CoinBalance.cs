namespace Arb.Domain.Trading;

/// <summary>One coin of the wallet: its balance, the part locked by open orders, and its equity (balance plus PnL).</summary>
public sealed record CoinBalance(string Coin, decimal WalletBalance, decimal Locked, decimal Equity)
{
    /// <summary>What a new spot order can spend (Bybit's own <c>free</c> field is deprecated).</summary>
    public decimal Free => WalletBalance - Locked;
}
