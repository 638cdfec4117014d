using System.Globalization;
using System.Text.Json;
using Arb.Domain.Market;

namespace Arb.Cli.Import;

/// <summary>
/// Reads a raw Binance WebSocket capture (<c>&lt;local epoch timestamp&gt; &lt;json&gt;</c> per line): every
/// <c>bookTicker</c> message becomes a quote stamped with the local receive time; depth diffs, trades and REST
/// snapshots are counted by kind and skipped. The timestamp unit is detected from the first line's magnitude.
/// </summary>
public static class BinanceCaptureReader
{
    private const string StreamKey = "\"stream\":\"";

    public static IEnumerable<ImportedQuote> Read(string path, MarketCategory category, SourceStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return ReadIterator(path, category, stats);
    }

    private static IEnumerable<ImportedQuote> ReadIterator(string path, MarketCategory category, SourceStats stats)
    {
        using var text = InputFile.OpenText(path);
        TimestampUnit? unit = null;
        long lineNumber = 0;
        string? line;
        while ((line = text.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !long.TryParse(line.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var raw))
            {
                stats.Drop("no leading timestamp", lineNumber, "expected '<epoch timestamp> <json>'");
                continue;
            }

            var lineUnit = TimestampUnits.Detect(raw);
            if (lineUnit is null || (unit is not null && lineUnit != unit))
            {
                stats.Drop("timestamp out of range", lineNumber,
                    $"{raw} is not an epoch time in {(unit is null ? "ms, us or ns" : unit.Value.ShortName())}");
                continue;
            }

            if (unit is null)
            {
                unit = lineUnit;
                stats.TimestampUnit = unit.Value.ShortName();
            }

            var json = line.AsSpan(space + 1);
            var kind = MessageKind(json);
            if (kind is null)
            {
                stats.Drop("not a Binance stream message", lineNumber, "no \"stream\" and not a REST depth snapshot");
                continue;
            }

            if (kind != "bookTicker")
            {
                stats.Skip(kind);
                continue;
            }

            if (TryParseBookTicker(line, space + 1, lineNumber, stats, out var symbol, out var prices))
            {
                yield return new ImportedQuote(
                    TimestampUnits.ToMilliseconds(raw, unit.Value), symbol, category,
                    prices.Bid, prices.BidQty, prices.Ask, prices.AskQty, null, null, lineNumber);
            }
        }
    }

    /// <summary>The stream kind (<c>bookTicker</c>, <c>depth</c>, <c>trade</c>...) without parsing the whole message.</summary>
    private static string? MessageKind(ReadOnlySpan<char> json)
    {
        var start = json.IndexOf(StreamKey, StringComparison.Ordinal);
        if (start < 0)
        {
            return json.Contains("\"lastUpdateId\"", StringComparison.Ordinal) ? "REST depth snapshot" : null;
        }

        var name = json[(start + StreamKey.Length)..];
        var end = name.IndexOf('"');
        if (end < 0)
        {
            return null;
        }

        // "btcusdt@depth@100ms" -> "depth"
        name = name[..end];
        var at = name.IndexOf('@');
        if (at < 0)
        {
            return name.ToString();
        }

        name = name[(at + 1)..];
        var next = name.IndexOf('@');
        return (next < 0 ? name : name[..next]).ToString();
    }

    private static bool TryParseBookTicker(
        string line, int jsonStart, long lineNumber, SourceStats stats, out string symbol, out TopOfBook prices)
    {
        symbol = "";
        prices = default;
        try
        {
            using var doc = JsonDocument.Parse(line.AsMemory(jsonStart));
            if (!doc.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                stats.Drop("bookTicker without data", lineNumber, "no \"data\" object");
                return false;
            }

            if (Text(data, "s") is not { Length: > 0 } s)
            {
                stats.Drop("missing field", lineNumber, "bookTicker without symbol 's'");
                return false;
            }

            symbol = string.Intern(s);
            return TopOfBook.TryParse(Text(data, "b"), Text(data, "B"), Text(data, "a"), Text(data, "A"), lineNumber, stats, out prices);
        }
        catch (JsonException ex)
        {
            stats.Drop("malformed JSON", lineNumber, ex.Message);
            return false;
        }
    }

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
