using Arb.Domain.Market;

namespace Arb.Engine.Backtest;

/// <summary>
/// One top-of-book quote read from a backtest CSV file. <see cref="Symbol"/> is the exchange symbol
/// (a <c>-PERP</c> naming suffix is already stripped, see <see cref="QuoteCsvReader"/>), so spot and perp
/// rows of the same coin carry the same symbol and differ by <see cref="Category"/>.
/// </summary>
/// <param name="TimestampMs">Epoch milliseconds: from the file, or synthesized from the row's position when
/// the file has no <c>timestamp</c> column (null only when the reader was told not to synthesize).</param>
/// <param name="LineNumber">1-based line in the file (the header is line 1).</param>
public readonly record struct QuoteRow(
    string Symbol,
    MarketCategory Category,
    decimal Bid,
    decimal Ask,
    decimal? BidQty,
    decimal? AskQty,
    long? TimestampMs,
    decimal? FundingRate,
    long? NextFundingTimeMs,
    long LineNumber);
