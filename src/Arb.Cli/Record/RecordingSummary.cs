using System.Globalization;
using Arb.Domain.Market;

namespace Arb.Cli.Record;

/// <summary>What a recording wrote, for the line printed when it stops.</summary>
internal sealed record RecordingSummary(
    string Directory,
    IReadOnlyDictionary<(string Symbol, MarketCategory Category), long> QuoteRows,
    IReadOnlyDictionary<MarketCategory, long> Frames,
    IReadOnlyList<string> Files,
    long DroppedQueueFull,
    long LostToWriteErrors)
{
    public IEnumerable<string> Lines()
    {
        yield return $"recorded to {Directory}";
        yield return "  quote rows: " + QuoteRowsText(QuoteRows);
        yield return "  frames: " + string.Join(", ", new[] { MarketCategory.Spot, MarketCategory.Linear }
            .Select(c => Invariant($"{c.ToWireName()} {Frames.GetValueOrDefault(c)}")));
        yield return "  files: " + (Files.Count == 0 ? "none" : string.Join(", ", Files.Select(Path.GetFileName)));
        yield return DroppedQueueFull == 0 && LostToWriteErrors == 0
            ? "  dropped: none"
            : Invariant($"  dropped: {DroppedQueueFull} item(s) because the writer fell behind, {LostToWriteErrors} lost to write errors");
    }

    /// <summary>Rows per market, by symbol then category (shared with the simulated recording's summary).</summary>
    public static string QuoteRowsText(IReadOnlyDictionary<(string Symbol, MarketCategory Category), long> rows) => rows.Count == 0
        ? "none"
        : string.Join(", ", rows.OrderBy(r => r.Key.Symbol, StringComparer.Ordinal).ThenBy(r => r.Key.Category)
            .Select(r => Invariant($"{r.Key.Symbol} {r.Key.Category.ToWireName()} {r.Value}")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
