namespace Arb.Simulator.Quotes;

/// <summary>
/// Plays recorded quotes into the market as time passes: a row is due once as much time has passed since the
/// start as separates it from the first row (rows without timestamps: one per market step).
/// </summary>
internal sealed class QuoteReplay(IReadOnlyList<RecordedQuote> quotes, long startMs)
{
    private readonly long? _firstTimestamp = quotes.Count > 0 ? quotes[0].TimestampMs : null;
    private int _next;

    public bool Finished => _next >= quotes.Count;

    /// <summary>The rows due at <paramref name="nowMs"/> that were not played yet.</summary>
    public IEnumerable<RecordedQuote> Due(long nowMs)
    {
        if (_firstTimestamp is not { } first)
        {
            if (_next < quotes.Count)
            {
                yield return quotes[_next++];
            }

            yield break;
        }

        while (_next < quotes.Count && (quotes[_next].TimestampMs ?? first) - first <= nowMs - startMs)
        {
            yield return quotes[_next++];
        }
    }
}
