using System.Globalization;
using Arb.Domain.Market;

namespace Arb.Cli.Record;

/// <summary>The names of a recording's daily files inside the <c>--out</c> directory (UTC dates).</summary>
internal static class RecordingPaths
{
    public static string Quotes(string directory, DateOnly day) =>
        Path.Combine(directory, $"quotes-{Date(day)}.csv");

    public static string Frames(string directory, MarketCategory category, DateOnly day) =>
        Path.Combine(directory, $"frames-{category.ToWireName()}-{Date(day)}.jsonl");

    public static DateOnly UtcDay(long epochMs) =>
        DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
