namespace Arb.Simulator.Trading;

/// <summary>
/// A one-way-mode linear position: signed size (positive long), average entry price, leverage and realised PnL.
/// Realised PnL follows Bybit: closed PnL minus trading fees minus funding paid.
/// </summary>
public sealed class SimPosition(string symbol)
{
    public const int DefaultLeverage = 10;

    public string Symbol { get; } = symbol;

    /// <summary>Signed base quantity: positive long, negative short, 0 flat.</summary>
    public decimal Size { get; internal set; }

    /// <summary>Average entry price; 0 when flat.</summary>
    public decimal EntryPrice { get; internal set; }

    /// <summary>
    /// The exact cost of the open size (sum of quantity × price, less what closes took out). The ledger realises
    /// against it rather than the rounded average price, so a position closed in full realises exactly.
    /// </summary>
    public decimal EntryValue { get; internal set; }

    public int Leverage { get; internal set; } = DefaultLeverage;

    /// <summary>Since the position last opened from flat.</summary>
    public decimal CurRealisedPnl { get; internal set; }

    public decimal CumRealisedPnl { get; internal set; }

    public long CreatedTimeMs { get; internal set; }

    public long UpdatedTimeMs { get; internal set; }

    /// <summary>"Buy" long, "Sell" short, "" flat (Bybit's position side).</summary>
    public string Side => Size > 0 ? "Buy" : Size < 0 ? "Sell" : "";

    /// <summary>|size| × entry price, as Bybit's positionValue.</summary>
    public decimal PositionValue => Math.Abs(Size) * EntryPrice;

    /// <summary>Initial margin held by the position.</summary>
    public decimal InitialMargin => PositionValue / Leverage;

    public decimal UnrealisedPnl(decimal markPrice) => Size == 0 ? 0m : (markPrice - EntryPrice) * Size;
}
