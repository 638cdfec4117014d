using System.IO.Compression;
using System.Text;
using Arb.Domain.Market;

namespace Arb.Cli.Import;

/// <summary>
/// Converts recorded captures into one time-ordered quote CSV: detects each input's format, streams them through a
/// k-way merge, fills linear funding from the funding histories, and writes through a temporary file so a failed
/// import never leaves a half-written output under the final name.
/// </summary>
public static class Importer
{
    public static ImportResult Run(ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ImportResult(options.Out);

        // Everything that can reject an input runs before the first row is written.
        var sources = new List<QuoteSource>();
        foreach (var (path, category) in options.Spot.Select(p => (p, MarketCategory.Spot)).Concat(options.Perp.Select(p => (p, MarketCategory.Linear))))
        {
            sources.Add(Open(path, category));
            result.Sources.Add(sources[^1].Stats);
        }

        var funding = LoadFunding(options);
        result.Funding.AddRange(funding);

        var temporary = options.Out + ".partial";
        try
        {
            using (var output = CreateOutput(options.Out, temporary))
            {
                Write(options, sources, funding, result, output);
            }

            File.Move(temporary, options.Out, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        AddWarnings(result, funding);
        return result;
    }

    private static QuoteSource Open(string path, MarketCategory category)
    {
        if (!File.Exists(path))
        {
            throw new ImportInputException(path, "file not found");
        }

        var stats = new SourceStats(path, category) { Gzip = InputFile.IsGzip(path) };
        var format = FormatDetector.Detect(path);
        stats.Format = format;
        var quotes = format switch
        {
            InputFormat.BinanceCapture => BinanceCaptureReader.Read(path, category, stats),
            InputFormat.QuoteCsv => QuoteCsvSourceReader.Read(path, category, stats),
            _ => BybitFrameReader.Read(path, category, stats),
        };
        return new QuoteSource(new GuardedQuotes(path, quotes), stats);
    }

    private static List<FundingHistory> LoadFunding(ImportOptions options)
    {
        var histories = new List<FundingHistory>();
        foreach (var path in options.Funding)
        {
            if (!File.Exists(path))
            {
                throw new ImportInputException(path, "file not found");
            }

            var history = FundingHistory.Load(path, options.FundingOffset);
            if (histories.FirstOrDefault(h => h.Symbols.Any(history.HasSymbol)) is { } clash)
            {
                var symbol = history.Symbols.First(clash.HasSymbol);
                throw new ImportInputException(path, $"gives funding for {symbol} that {clash.Path} gives too; pass one funding file per symbol");
            }

            histories.Add(history);
        }

        return histories;
    }

    private static StreamWriter CreateOutput(string path, string temporary)
    {
        Stream stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionLevel.Optimal);
        }

        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" };
    }

    private static void Write(
        ImportOptions options, List<QuoteSource> sources, List<FundingHistory> funding, ImportResult result, TextWriter output)
    {
        var writer = new QuoteCsvWriter(output);
        writer.WriteHeader();
        Func<string, bool> keep = options.Symbols is { } wanted ? wanted.Contains : _ => true;
        foreach (var merged in QuoteMerger.Merge(sources, keep))
        {
            var quote = merged;
            var key = (quote.Symbol, quote.Category);
            if (!result.Markets.TryGetValue(key, out var market))
            {
                result.Markets[key] = market = new MarketStats(quote.Symbol, quote.Category);
            }

            if (quote.Category == MarketCategory.Linear)
            {
                foreach (var history in funding)
                {
                    if (history.TryNext(quote.Symbol, quote.TimestampMs, out var next))
                    {
                        quote = quote with { FundingRate = next.Rate, NextFundingTimeMs = next.TimeMs };
                        break;
                    }
                }

                if (quote.FundingRate is not null)
                {
                    market.FundedRows++;
                }
            }

            market.Add(quote.TimestampMs);
            writer.Write(quote);
            result.RowsWritten++;
        }
    }

    private static void AddWarnings(ImportResult result, List<FundingHistory> funding)
    {
        foreach (var history in funding)
        {
            if (history.RowsFilled > 0)
            {
                continue;
            }

            var quoted = result.Markets.Values.Where(m => m.Category == MarketCategory.Linear && history.HasSymbol(m.Symbol)).ToList();
            var span = quoted.Count == 0
                ? "no linear rows of its symbols (" + string.Join(", ", history.Symbols) + ") were imported"
                : $"its events run {ImportReport.Utc(history.FirstMs)} .. {ImportReport.Utc(history.LastMs)}, the linear quotes "
                  + $"{ImportReport.Utc(quoted.Min(m => m.FirstMs))} .. {ImportReport.Utc(quoted.Max(m => m.LastMs))}";
            result.Warnings.Add($"funding file {history.Path} covers none of the quotes' span and filled no rows: {span}");
        }
    }
}
