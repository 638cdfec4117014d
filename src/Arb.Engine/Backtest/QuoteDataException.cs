namespace Arb.Engine.Backtest;

/// <summary>
/// A quote file that cannot be used: a bad row (with its line number and reason) or a file-level problem
/// (missing required column, spot and perp rows that cannot be told apart) where <see cref="LineNumber"/>
/// and <see cref="Reason"/> are null. The message starts with <c>file:line:</c> so it reads like a compiler error.
/// </summary>
public sealed class QuoteDataException : FormatException
{
    public QuoteDataException()
    {
        FilePath = "";
    }

    public QuoteDataException(string message)
        : base(message)
    {
        FilePath = "";
    }

    public QuoteDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "";
    }

    public QuoteDataException(string filePath, long? lineNumber, BadRowReason? reason, string detail)
        : base(Format(filePath, lineNumber, reason, detail))
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Reason = reason;
    }

    public string FilePath { get; }

    public long? LineNumber { get; }

    public BadRowReason? Reason { get; }

    private static string Format(string filePath, long? lineNumber, BadRowReason? reason, string detail)
    {
        var where = lineNumber is { } line ? $"{filePath}:{line}" : filePath;
        return reason is { } r ? $"{where}: {r}: {detail}" : $"{where}: {detail}";
    }
}
