using Arb.Domain.Market;

namespace Arb.Cli.Import;

/// <summary>
/// One top-of-book quote read from any supported input, in the shape of a row of the backtester's quote CSV.
/// Numbers are decimals parsed from the source text, so their written scale (trailing zeros) survives.
/// </summary>
/// <param name="TimestampMs">Epoch milliseconds, UTC.</param>
/// <param name="Line">1-based line of the input file the quote came from (for messages).</param>
public readonly record struct ImportedQuote(
    long TimestampMs,
    string Symbol,
    MarketCategory Category,
    decimal Bid,
    decimal? BidQty,
    decimal Ask,
    decimal? AskQty,
    decimal? FundingRate,
    long? NextFundingTimeMs,
    long Line);
