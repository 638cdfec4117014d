namespace Arb.Cli.Import;

/// <summary>An input file that cannot be imported at all (missing, unreadable, unknown format); exit code 2.</summary>
public sealed class ImportInputException(string path, string message, Exception? inner = null)
    : Exception($"{path}: {message}", inner)
{
    public string Path { get; } = path;
}
