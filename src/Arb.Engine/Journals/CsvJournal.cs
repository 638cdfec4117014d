using System.Text;

namespace Arb.Engine.Journals;

/// <summary>
/// An append-only CSV file: the header is written when the file is new, every row is flushed as soon as it is
/// written, and a last line cut short by a crash is closed off with a newline so the next row starts clean.
/// </summary>
public sealed class CsvJournal : IDisposable
{
    private readonly StreamWriter _writer;

    public CsvJournal(string path, string header)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var isNew = stream.Length == 0;
        var endsCleanly = isNew || EndsWithNewline(stream);
        stream.Seek(0, SeekOrigin.End);
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        if (isNew)
        {
            _writer.WriteLine(header);
        }
        else if (!endsCleanly)
        {
            _writer.WriteLine(); // the process died mid-row: leave that row as it is, start the next on its own line
        }

        _writer.Flush();
    }

    public string Path { get; }

    /// <summary>Appends one row (already formatted, without the line end) and flushes it to the file.</summary>
    public void Append(string row)
    {
        _writer.WriteLine(row);
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    private static bool EndsWithNewline(FileStream stream)
    {
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }
}
