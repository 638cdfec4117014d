using System.Globalization;
using Arb.Domain.Market;

namespace Arb.Cli.Import;

/// <summary>The plain-text report printed after an import.</summary>
public static class ImportReport
{
    public static string Utc(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void Write(ImportResult result, TextWriter report)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(report);
        report.WriteLine($"import: wrote {result.RowsWritten} rows to {result.Output}");

        report.WriteLine("inputs:");
        foreach (var source in result.Sources)
        {
            WriteSource(source, report);
        }

        report.WriteLine("markets:");
        if (result.Markets.Count == 0)
        {
            report.WriteLine("  none: no quotes were read");
        }

        foreach (var market in result.Markets.Values)
        {
            WriteMarket(market, report);
        }

        if (result.Funding.Count > 0)
        {
            report.WriteLine("funding:");
            foreach (var history in result.Funding)
            {
                report.WriteLine(
                    $"  {history.Path}: UTC offset {FundingOffset.Format(history.Offset)} ({(history.OffsetInferred ? "inferred" : "given")}), " +
                    $"{history.EventCount} events for {string.Join(", ", history.Symbols)}, {Utc(history.FirstMs)} .. {Utc(history.LastMs)}; " +
                    $"filled {history.RowsFilled} linear rows");
                WriteDrops(history.Stats, report);
            }
        }

        var dropped = result.Sources.Sum(s => s.DroppedTotal);
        report.WriteLine($"dropped: {dropped} lines in all (see each input above)");
        foreach (var warning in result.Warnings)
        {
            report.WriteLine($"warning: {warning}");
        }
    }

    private static void WriteSource(SourceStats source, TextWriter report)
    {
        var option = source.GivenAs == MarketCategory.Spot ? "--spot" : "--perp";
        var format = source.Format?.Describe() ?? "unknown";
        report.WriteLine(
            $"  {source.Path} ({option}): {format}{(source.Gzip ? ", gzip" : "")}, timestamps in {source.TimestampUnit ?? "(none read)"}; {source.Rows} rows");
        if (source.SkippedByKind.Count > 0)
        {
            report.WriteLine($"    skipped (not quotes): {Counts(source.SkippedByKind)}");
        }

        WriteDrops(source, report);
        if (source.ClampedRows > 0)
        {
            report.WriteLine(
                $"    time went backwards {source.ClampedRows} times (largest {source.LargestClampMs} ms); those rows were given the previous row's time");
        }

        if (source.RecategorizedRows > 0)
        {
            report.WriteLine($"    {source.RecategorizedRows} rows are not {option} rows; their category column was kept");
        }

        if (source.FilteredRows > 0)
        {
            report.WriteLine($"    {source.FilteredRows} rows of symbols not in --symbols left out");
        }
    }

    private static void WriteDrops(SourceStats source, TextWriter report)
    {
        if (source.DroppedByReason.Count == 0)
        {
            return;
        }

        report.WriteLine($"    dropped: {Counts(source.DroppedByReason)}");
        foreach (var example in source.DropExamples)
        {
            report.WriteLine($"      {example}");
        }
    }

    private static void WriteMarket(MarketStats market, TextWriter report)
    {
        var line = $"  {market.Symbol} {market.Category.ToWireName()}: {market.Rows} rows, {Utc(market.FirstMs)} .. {Utc(market.LastMs)}";
        line += market.Gaps == 0
            ? ", no gaps over 1 s"
            : $", {market.Gaps} gaps over 1 s (largest {market.LargestGapMs / 1000.0:0.000} s after {Utc(market.LargestGapFromMs)})";
        if (market.Category == MarketCategory.Linear)
        {
            line += $", funding on {market.FundedRows} rows";
        }

        report.WriteLine(line);
    }

    private static string Counts(SortedDictionary<string, long> counts) =>
        string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
}
