namespace Arb.Cli.Record;

/// <summary>Checks, before anything starts, that the recording's <c>--out</c> directory can be written.</summary>
internal static class RecordDirectory
{
    /// <summary>Creates the directory if needed and writes a probe file; false with the reason when that fails.</summary>
    public static bool TryPrepare(string path, out string fullPath, out string? problem)
    {
        fullPath = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(fullPath);
            var probe = Path.Combine(fullPath, $".arbbot-write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problem = ex.Message;
            return false;
        }
    }
}
