namespace Arb.Engine.Paper;

/// <summary>
/// A read-only snapshot of one linear paper position (one-way mode). <paramref name="Size"/> is signed (short
/// negative, flat zero); <paramref name="EntryPrice"/> is the average entry of the open quantity, for display.
/// <paramref name="RealisedPnl"/> is the price PnL of closed quantity before fees, <paramref name="FeesPaid"/> the
/// fees charged on every fill, both in the settle coin.
/// </summary>
public sealed record PaperPosition(string Symbol, decimal Size, decimal EntryPrice, decimal RealisedPnl, decimal FeesPaid)
{
    /// <summary>Realised PnL after fees: what the position has moved the settle coin by (Bybit's cumRealisedPnl).</summary>
    public decimal NetRealisedPnl => RealisedPnl - FeesPaid;
}
