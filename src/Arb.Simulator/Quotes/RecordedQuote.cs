using Arb.Domain.Market;

namespace Arb.Simulator.Quotes;

/// <summary>One row of a recorded-quotes file: the top of one book at one moment.</summary>
/// <param name="TimestampMs">Unix ms; null when the file has no timestamps (rows are then one market step apart).</param>
public sealed record RecordedQuote(long? TimestampMs, string Symbol, MarketCategory Category, decimal Bid, decimal Ask, decimal? BidQty, decimal? AskQty);
