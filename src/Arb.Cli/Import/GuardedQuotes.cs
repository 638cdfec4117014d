namespace Arb.Cli.Import;

/// <summary>
/// Turns a read failure in the middle of a file (truncated gzip, I/O error) into an
/// <see cref="ImportInputException"/> that names the file.
/// </summary>
internal sealed class GuardedQuotes(string path, IEnumerable<ImportedQuote> inner) : IEnumerable<ImportedQuote>
{
    public IEnumerator<ImportedQuote> GetEnumerator() => new Enumerator(path, inner.GetEnumerator());

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(string path, IEnumerator<ImportedQuote> inner) : IEnumerator<ImportedQuote>
    {
        public ImportedQuote Current => inner.Current;

        object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            try
            {
                return inner.MoveNext();
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new ImportInputException(path, $"cannot be read to the end: {ex.Message}", ex);
            }
        }

        public void Reset() => inner.Reset();

        public void Dispose() => inner.Dispose();
    }
}
