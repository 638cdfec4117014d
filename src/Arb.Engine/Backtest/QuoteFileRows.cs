using System.Collections;

namespace Arb.Engine.Backtest;

/// <summary>
/// The rows of one file, as <see cref="QuoteCsvReader.Read"/> returns them: enumerable (each enumeration reads the
/// file afresh) and, for consumers in this assembly, readable by push (<see cref="ReadInto"/>) without an enumerator.
/// </summary>
internal sealed class QuoteFileRows(QuoteCsvReader reader, string path) : IEnumerable<QuoteRow>
{
    public void ReadInto(QuoteRowSink sink) => reader.ReadInto(path, sink);

    public IEnumerator<QuoteRow> GetEnumerator() => reader.EnumerateFile(path).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
