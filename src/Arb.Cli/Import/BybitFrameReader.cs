using System.Text;
using Arb.Bybit.MarketData;
using Arb.Domain.Market;

namespace Arb.Cli.Import;

/// <summary>
/// Rebuilds books from recorded Bybit V5 public frames with the live bot's <see cref="PublicStreamProcessor"/> and
/// gives the top of book after every update of a valid book, stamped with the frame's <c>ts</c>. On linear files the
/// latest <c>tickers</c> funding rate and next funding time ride along on later rows of the same symbol.
/// </summary>
public static class BybitFrameReader
{
    public static IEnumerable<ImportedQuote> Read(string path, MarketCategory category, SourceStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return ReadIterator(path, category, stats);
    }

    private static IEnumerable<ImportedQuote> ReadIterator(string path, MarketCategory category, SourceStats stats)
    {
        stats.TimestampUnit = "ms (frame ts)";
        var processor = new PublicStreamProcessor([], depth: 50, trackUnknownSymbols: true);
        using var text = InputFile.OpenText(path);
        long lineNumber = 0;
        string? line;
        while ((line = text.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var result = processor.Process(category, Encoding.UTF8.GetBytes(line));
            switch (result.Outcome)
            {
                case FrameOutcome.BookSnapshot or FrameOutcome.BookDelta or FrameOutcome.BookReset:
                    var book = result.Book!;
                    if (!book.Bids.TryGetBest(out var bid) || !book.Asks.TryGetBest(out var ask))
                    {
                        stats.Drop("book has an empty side", lineNumber, $"{book.Symbol} after u={result.ReceivedUpdateId}");
                        break;
                    }

                    var ticker = category == MarketCategory.Linear ? processor.FindTicker(category, book.Symbol) : null;
                    yield return new ImportedQuote(
                        book.TimestampMs, book.Symbol, category, bid.Price, bid.Size, ask.Price, ask.Size,
                        ticker?.FundingRate, ticker?.NextFundingTimeMs, lineNumber);
                    break;
                case FrameOutcome.BookGap:
                    stats.Drop("book gap", lineNumber,
                        $"{result.Book!.Symbol} expected u={result.ExpectedUpdateId}, got u={result.ReceivedUpdateId}; no rows until the next snapshot");
                    break;
                case FrameOutcome.BookCrossed:
                    stats.Drop("book crossed", lineNumber, $"{result.Book!.Symbol} after u={result.ReceivedUpdateId}; no rows until the next snapshot");
                    break;
                case FrameOutcome.BookNotValid:
                    stats.Drop("delta while the book is stale", lineNumber, $"{result.Book!.Symbol} u={result.ReceivedUpdateId}");
                    break;
                case FrameOutcome.Malformed:
                    stats.Drop("malformed frame", lineNumber, result.Error ?? "malformed");
                    break;
                case FrameOutcome.Ticker:
                    stats.Skip("ticker");
                    break;
                default:
                    stats.Skip(result.Outcome switch
                    {
                        FrameOutcome.Pong => "pong",
                        FrameOutcome.CommandAck or FrameOutcome.CommandFailed => "command response",
                        _ => "other topic",
                    });
                    break;
            }
        }
    }
}
