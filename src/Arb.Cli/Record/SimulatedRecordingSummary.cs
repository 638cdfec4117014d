using System.Globalization;
using Arb.Domain.Market;

namespace Arb.Cli.Record;

/// <summary>What <c>record --sim-hours</c> wrote, for the lines printed at the end.</summary>
internal sealed record SimulatedRecordingSummary(
    SimulatedRecordingRequest Request,
    long LastStepMs,
    long Steps,
    long StepMs,
    IReadOnlyDictionary<(string Symbol, MarketCategory Category), long> QuoteRows,
    int FundingSettlements,
    IReadOnlyList<string> Files,
    TimeSpan WallTime,
    bool StoppedEarly)
{
    public IEnumerable<string> Lines()
    {
        var simulated = TimeSpan.FromMilliseconds(LastStepMs - Request.StartMs);
        yield return $"simulated recording to {Request.Directory} (seed {Request.Seed.ToString(CultureInfo.InvariantCulture)}, symbols {string.Join(',', Request.Symbols)})";
        yield return Invariant($"  span: {Time(Request.StartMs)} to {Time(LastStepMs)}, {simulated.TotalHours:0.###} h: the opening book and {Steps} steps of {StepMs} ms")
            + (StoppedEarly ? " (stopped early by Ctrl+C)" : "");
        yield return "  quote rows: " + RecordingSummary.QuoteRowsText(QuoteRows);
        yield return Invariant($"  funding settlements: {FundingSettlements}");
        yield return "  files: " + (Files.Count == 0 ? "none" : string.Join(", ", Files.Select(Path.GetFileName)));
        yield return "  frames: none (no WebSocket is involved: the market is generated in process)";
        var speed = WallTime.TotalSeconds > 0 ? simulated.TotalSeconds / WallTime.TotalSeconds : 0;
        yield return Invariant($"  wall time: {WallTime.TotalSeconds:0.0} s ({speed:0}x real time)");
    }

    /// <summary>A Unix-ms time as ISO 8601 UTC with milliseconds.</summary>
    public static string Time(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
