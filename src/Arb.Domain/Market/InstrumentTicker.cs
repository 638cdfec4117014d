namespace Arb.Domain.Market;

/// <summary>
/// The latest ticker values of one instrument, merged from a snapshot and the deltas after it (a delta carries
/// only what changed). For perpetuals it holds what the edge needs beyond the book: mark and index prices and
/// the funding rate that settles at <see cref="NextFundingTimeMs"/>. Single owner, not thread-safe.
/// </summary>
public sealed class InstrumentTicker(string symbol, MarketCategory category)
{
    public string Symbol { get; } = symbol;

    public MarketCategory Category { get; } = category;

    public decimal? LastPrice { get; set; }

    public decimal? MarkPrice { get; set; }

    public decimal? IndexPrice { get; set; }

    /// <summary>The current period's funding rate (positive: longs pay shorts).</summary>
    public decimal? FundingRate { get; set; }

    /// <summary>When <see cref="FundingRate"/> settles, Unix ms.</summary>
    public long? NextFundingTimeMs { get; set; }

    public int? FundingIntervalHours { get; set; }

    public decimal? Bid1Price { get; set; }

    public decimal? Bid1Size { get; set; }

    public decimal? Ask1Price { get; set; }

    public decimal? Ask1Size { get; set; }

    /// <summary>Exchange time of the last merged message, Unix ms.</summary>
    public long TimestampMs { get; set; }

    /// <summary>True once a snapshot has been merged, so every field the exchange sends is known.</summary>
    public bool HasSnapshot { get; set; }
}
