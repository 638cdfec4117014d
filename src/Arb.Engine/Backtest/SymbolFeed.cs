using Arb.Domain.Market;

namespace Arb.Engine.Backtest;

/// <summary>A traded symbol's two markets in a backtest, its perp ticker (funding from the data) and its funding schedule.</summary>
internal sealed class SymbolFeed(string symbol)
{
    public string Symbol { get; } = symbol;

    public QuoteMarket Spot { get; } = new(symbol, MarketCategory.Spot);

    public QuoteMarket Perp { get; } = new(symbol, MarketCategory.Linear);

    public InstrumentTicker Ticker { get; } = new(symbol, MarketCategory.Linear) { HasSnapshot = true };

    /// <summary>The next settlement the data announced and the rate last quoted for it; null when none is pending.</summary>
    public long? FundingDueMs { get; set; }

    public decimal FundingRate { get; set; }

    /// <summary>The last settlement made: a late row repeating its time must not settle it again.</summary>
    public long LastSettledMs { get; set; } = long.MinValue;

    /// <summary>Perp mid over spot mid, in bps; NaN until both have quotes.</summary>
    public double BasisBps => Spot.HasQuote && Perp.HasQuote && Spot.Mid != 0m
        ? (double)((Perp.Mid - Spot.Mid) / Spot.Mid * 10_000m)
        : double.NaN;
}
