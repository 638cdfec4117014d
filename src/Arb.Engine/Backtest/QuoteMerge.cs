namespace Arb.Engine.Backtest;

/// <summary>
/// Merges several time-ordered quote streams (one per file: a spot file and a perp file, or days in a row) into one
/// in time order. Equal times keep the order of the streams as given, so the merge is deterministic. One row per
/// stream is held at a time.
/// </summary>
public static class QuoteMerge
{
    public static IEnumerable<QuoteRow> Merge(IReadOnlyList<IEnumerable<QuoteRow>> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        return streams.Count == 1 ? streams[0] : MergeIterator(streams);
    }

    private static IEnumerable<QuoteRow> MergeIterator(IReadOnlyList<IEnumerable<QuoteRow>> streams)
    {
        var cursors = new List<IEnumerator<QuoteRow>>(streams.Count);
        var heads = new PriorityQueue<int, (long TimeMs, int Stream)>();
        try
        {
            for (var i = 0; i < streams.Count; i++)
            {
                var cursor = streams[i].GetEnumerator();
                cursors.Add(cursor);
                if (cursor.MoveNext())
                {
                    heads.Enqueue(i, (cursor.Current.TimestampMs ?? 0, i));
                }
            }

            while (heads.TryDequeue(out var index, out _))
            {
                var cursor = cursors[index];
                yield return cursor.Current;
                if (cursor.MoveNext())
                {
                    heads.Enqueue(index, (cursor.Current.TimestampMs ?? 0, index));
                }
            }
        }
        finally
        {
            foreach (var cursor in cursors)
            {
                cursor.Dispose();
            }
        }
    }
}
