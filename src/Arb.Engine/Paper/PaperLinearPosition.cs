using Arb.Engine.Portfolio;

namespace Arb.Engine.Paper;

/// <summary>
/// One symbol's linear position in the paper account. The quantity and PnL live in a <see cref="PositionLeg"/>, the
/// bot's own first-in-first-out ledger, so entry value stays exact and a full round trip realises exactly the price
/// difference. Not thread-safe: the venue's account lock guards it.
/// </summary>
internal sealed class PaperLinearPosition(string symbol)
{
    public string Symbol { get; } = symbol;

    public PositionLeg Leg { get; } = new();

    public decimal Fees { get; private set; }

    /// <summary>The last fill's price: the mark used until a ticker gives one.</summary>
    public decimal LastPrice { get; private set; }

    /// <summary>Books one fill; returns what it realised (before the fee).</summary>
    public decimal Apply(decimal signedQuantity, decimal price, decimal fee)
    {
        var before = Leg.Realized;
        Leg.Apply(signedQuantity, price);
        Fees += fee;
        LastPrice = price;
        return Leg.Realized - before;
    }

    public PaperPosition Snapshot() => new(Symbol, Leg.Quantity, Leg.EntryPrice, Leg.Realized, Fees);
}
