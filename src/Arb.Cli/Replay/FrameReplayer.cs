using System.Globalization;
using System.Text;
using Arb.Bybit.MarketData;
using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.Cli.Replay;

/// <summary>
/// Feeds recorded WebSocket frames (one per line, exactly as Bybit sent them) through the same parser and order
/// book the live bot uses, and writes the top of book after every update of a valid book as CSV.
/// </summary>
public sealed class FrameReplayer(MarketCategory category, TextWriter output, TextWriter diagnostics)
{
    public const string Header = "ts,symbol,bid,bid_qty,ask,ask_qty";

    public ReplaySummary Run(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var processor = new PublicStreamProcessor([], depth: 50, trackUnknownSymbols: true);
        var summary = new ReplaySummary();
        output.WriteLine(Header);
        var row = new StringBuilder(96);
        string? line;
        var lineNumber = 0;
        while ((line = input.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            summary.Lines++;
            var result = processor.Process(category, Encoding.UTF8.GetBytes(line));
            switch (result.Outcome)
            {
                case FrameOutcome.BookSnapshot or FrameOutcome.BookDelta or FrameOutcome.BookReset:
                    if (result.Outcome == FrameOutcome.BookReset)
                    {
                        summary.Resets++;
                        diagnostics.WriteLine($"line {lineNumber}: {result.Book!.Symbol} book reset by the exchange (u=1), rebuilt from this message");
                    }

                    WriteRow(result.Book!, row);
                    summary.Rows++;
                    break;
                case FrameOutcome.BookGap:
                    summary.Gaps++;
                    diagnostics.WriteLine($"line {lineNumber}: {result.Book!.Symbol} gap: expected u={result.ExpectedUpdateId}, got u={result.ReceivedUpdateId}; book stale until the next snapshot");
                    break;
                case FrameOutcome.BookCrossed:
                    summary.Gaps++;
                    diagnostics.WriteLine($"line {lineNumber}: {result.Book!.Symbol} book crossed after u={result.ReceivedUpdateId}; book stale until the next snapshot");
                    break;
                case FrameOutcome.BookNotValid:
                    summary.SkippedWhileStale++;
                    break;
                case FrameOutcome.Malformed:
                    summary.Malformed++;
                    diagnostics.WriteLine($"line {lineNumber}: malformed message skipped: {result.Error}");
                    break;
            }
        }

        output.Flush();
        diagnostics.WriteLine(
            $"replayed {summary.Lines} messages: {summary.Rows} rows, {summary.Gaps} gaps, {summary.Resets} resets, " +
            $"{summary.SkippedWhileStale} deltas skipped while stale, {summary.Malformed} malformed");
        return summary;
    }

    private void WriteRow(OrderBook book, StringBuilder row)
    {
        row.Clear();
        row.Append(book.TimestampMs.ToString(CultureInfo.InvariantCulture)).Append(',').Append(book.Symbol).Append(',');
        AppendLevel(row, book.Bids);
        row.Append(',');
        AppendLevel(row, book.Asks);
        output.WriteLine(row);
    }

    // An empty side leaves its two cells empty.
    private static void AppendLevel(StringBuilder row, BookSide side)
    {
        if (side.TryGetBest(out var best))
        {
            row.Append(best.Price.ToString(CultureInfo.InvariantCulture)).Append(',').Append(best.Size.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            row.Append(',');
        }
    }
}
