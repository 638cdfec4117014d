namespace Arb.Simulator.Trading;

/// <summary>
/// Position and wallet changes of one linear fill in one-way mode: a fill on the position's side (or from flat)
/// adds to the entry value and averages the entry price; one against it realises (exit value − the closed share of
/// the entry value) × sign into the wallet, the last close taking all that is left, so a full round trip realises
/// exactly the difference of the values traded; what is left after closing opens a new position at the fill price.
/// The fee (value × rate, exact) leaves the USDT wallet.
/// </summary>
internal static class LinearLedger
{
    /// <summary>Applies the fill; returns the closed size and its gross PnL.</summary>
    public static (decimal Closed, decimal Pnl) Apply(SimAccount account, SimPosition position, SimSide side, decimal price, decimal qty, decimal fee, long nowMs)
    {
        var wallet = account.Coin(Coins.Usdt);
        var signed = side == SimSide.Buy ? qty : -qty;
        var closed = 0m;
        var pnl = 0m;
        if (position.Size == 0)
        {
            position.CurRealisedPnl = 0;
            position.CreatedTimeMs = nowMs;
        }

        if (position.Size == 0 || Math.Sign(position.Size) == Math.Sign(signed))
        {
            var size = Math.Abs(position.Size);
            position.EntryValue += qty * price;
            position.EntryPrice = position.EntryValue / (size + qty);
            position.Size += signed;
        }
        else
        {
            var size = Math.Abs(position.Size);
            closed = Math.Min(size, qty);
            var closedValue = closed == size ? position.EntryValue : position.EntryValue * closed / size;
            pnl = ((price * closed) - closedValue) * Math.Sign(position.Size);
            position.EntryValue -= closedValue;
            position.Size += signed;
            if (position.Size == 0)
            {
                position.EntryPrice = 0;
                position.EntryValue = 0;
            }
            else if (Math.Sign(position.Size) == Math.Sign(signed))
            {
                // Flipped through zero: the remainder is a new position at this price.
                position.EntryPrice = price;
                position.EntryValue = Math.Abs(position.Size) * price;
                position.CreatedTimeMs = nowMs;
            }
        }

        wallet.WalletBalance += pnl - fee;
        position.CurRealisedPnl += pnl - fee;
        position.CumRealisedPnl += pnl - fee;
        position.UpdatedTimeMs = nowMs;
        return (closed, pnl);
    }

    /// <summary>Funding: <paramref name="paid"/> (negative when received) leaves the wallet and counts as realised.</summary>
    public static void ApplyFunding(SimAccount account, SimPosition position, decimal paid, long nowMs)
    {
        account.Coin(Coins.Usdt).WalletBalance -= paid;
        position.CurRealisedPnl -= paid;
        position.CumRealisedPnl -= paid;
        position.UpdatedTimeMs = nowMs;
    }
}
