namespace Arb.Simulator.Trading;

/// <summary>One coin of an account's wallet. Open spot orders and linear order margin are held in <see cref="Locked"/>.</summary>
public sealed class SimCoinBalance(string coin, decimal walletBalance)
{
    public string Coin { get; } = coin;

    public decimal WalletBalance { get; internal set; } = walletBalance;

    public decimal Locked { get; internal set; }

    public decimal Available => WalletBalance - Locked;
}
