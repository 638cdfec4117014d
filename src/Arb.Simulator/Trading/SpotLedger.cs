namespace Arb.Simulator.Trading;

/// <summary>
/// Wallet changes of one spot fill. The fee is charged in the coin received (Buy: base, Sell: quote) and is
/// exact: qty × rate (or value × rate) with no rounding, which matches Bybit's recorded fill of 0.001 ETH
/// paying 0.000001 ETH, finer than ETH's 0.00001 base precision.
/// </summary>
internal static class SpotLedger
{
    /// <summary>Applies the fill; returns the fee and its coin.</summary>
    public static (decimal Fee, string FeeCoin) Apply(SimAccount account, string baseCoin, SimSide side, decimal price, decimal qty, decimal feeRate)
    {
        var quote = account.Coin(Coins.Usdt);
        var @base = account.Coin(baseCoin);
        var value = price * qty;
        if (side == SimSide.Buy)
        {
            var fee = qty * feeRate;
            quote.WalletBalance -= value;
            @base.WalletBalance += qty - fee;
            return (fee, baseCoin);
        }

        var quoteFee = value * feeRate;
        @base.WalletBalance -= qty;
        quote.WalletBalance += value - quoteFee;
        return (quoteFee, Coins.Usdt);
    }
}
