using Arb.Domain.Market;

namespace Arb.Cli.Import;

/// <summary>One input to merge: its quotes in file order and the stats that record what happened to them.</summary>
public sealed record QuoteSource(IEnumerable<ImportedQuote> Quotes, SourceStats Stats);

/// <summary>
/// K-way merge of inputs that are each in time order: holds one pending quote per input, so memory does not grow
/// with the input size. Ties go spot first, then by input position. A quote earlier than the previous one of its
/// own input (local clocks can step back a little) is moved up to that time and counted in its stats.
/// </summary>
public static class QuoteMerger
{
    public static IEnumerable<ImportedQuote> Merge(IReadOnlyList<QuoteSource> sources, Func<string, bool> keepSymbol)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(keepSymbol);
        return MergeIterator(sources, keepSymbol);
    }

    private static IEnumerable<ImportedQuote> MergeIterator(IReadOnlyList<QuoteSource> sources, Func<string, bool> keepSymbol)
    {
        var readers = new IEnumerator<ImportedQuote>?[sources.Count];
        var pending = new ImportedQuote[sources.Count];
        var lastTime = new long[sources.Count];
        var queue = new PriorityQueue<int, (long Time, int Category, int Source)>(sources.Count);
        try
        {
            for (var i = 0; i < sources.Count; i++)
            {
                readers[i] = sources[i].Quotes.GetEnumerator();
                lastTime[i] = long.MinValue;
                Advance(i);
            }

            while (queue.TryDequeue(out var next, out _))
            {
                yield return pending[next];
                Advance(next);
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader?.Dispose();
            }
        }

        void Advance(int i)
        {
            var reader = readers[i]!;
            var stats = sources[i].Stats;
            while (reader.MoveNext())
            {
                var quote = reader.Current;
                if (!keepSymbol(quote.Symbol))
                {
                    stats.FilteredRows++;
                    continue;
                }

                if (quote.TimestampMs < lastTime[i])
                {
                    stats.Clamp(lastTime[i] - quote.TimestampMs);
                    quote = quote with { TimestampMs = lastTime[i] };
                }

                lastTime[i] = quote.TimestampMs;
                stats.Rows++;
                pending[i] = quote;
                queue.Enqueue(i, (quote.TimestampMs, quote.Category == MarketCategory.Spot ? 0 : 1, i));
                return;
            }
        }
    }
}
