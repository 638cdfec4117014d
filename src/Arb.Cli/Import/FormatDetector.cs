using System.Text.Json;

namespace Arb.Cli.Import;

/// <summary>Names the format of an input from its first non-blank line; file names play no part.</summary>
public static class FormatDetector
{
    public const string Expected =
        "expected a Binance capture ('<epoch timestamp> <json>' per line), a quote CSV with the header " +
        QuoteCsvWriter.Header + ", or Bybit V5 WebSocket frames (one JSON message per line)";

    private static readonly string[] CsvRequired = ["timestamp", "symbol", "category", "bid", "ask"];

    public static InputFormat Detect(string path)
    {
        string? first;
        try
        {
            using var text = InputFile.OpenText(path);
            do
            {
                first = text.ReadLine();
            }
            while (first is not null && string.IsNullOrWhiteSpace(first));
        }
        catch (InvalidDataException ex)
        {
            throw new ImportInputException(path, $"looks like gzip but cannot be decompressed ({ex.Message}); {Expected}", ex);
        }

        if (first is null)
        {
            throw new ImportInputException(path, $"is empty; {Expected}");
        }

        return Classify(first) ?? throw new ImportInputException(
            path, $"unknown format, the first line starts '{Preview(first)}'; {Expected}");
    }

    /// <summary>The format a first line belongs to, or null.</summary>
    public static InputFormat? Classify(string line)
    {
        var trimmed = line.Trim();
        if (IsTimestampThenJson(trimmed))
        {
            return InputFormat.BinanceCapture;
        }

        if (IsQuoteCsvHeader(trimmed))
        {
            return InputFormat.QuoteCsv;
        }

        return IsBybitFrame(trimmed) ? InputFormat.BybitFrames : null;
    }

    private static bool IsTimestampThenJson(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && !line.AsSpan(0, space).ContainsAnyExceptInRange('0', '9') && line.AsSpan(space + 1).TrimStart().StartsWith('{');
    }

    private static bool IsQuoteCsvHeader(string line)
    {
        var names = line.TrimStart('\uFEFF').Split(',', StringSplitOptions.TrimEntries);
        return CsvRequired.All(required => names.Contains(required, StringComparer.OrdinalIgnoreCase));
    }

    // Every Bybit public message is a JSON object with a topic (data), an op (pong/ack) or a success flag (ack).
    private static bool IsBybitFrame(string line)
    {
        if (!line.StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && (root.TryGetProperty("topic", out _) || root.TryGetProperty("op", out _) || root.TryGetProperty("success", out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Preview(string line) => line.Length <= 60 ? line : string.Concat(line.AsSpan(0, 60), "...");
}
