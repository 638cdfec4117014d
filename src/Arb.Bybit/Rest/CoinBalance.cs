namespace Arb.Bybit.Rest;

/// <summary>One coin of the unified account. Spot orders lock what they may spend in <see cref="Locked"/>.</summary>
public sealed record CoinBalance(string Coin, decimal WalletBalance, decimal Locked, decimal Equity)
{
    /// <summary>What a new spot order can spend: Bybit's own <c>free</c> field is deprecated.</summary>
    public decimal Free => WalletBalance - Locked;
}
