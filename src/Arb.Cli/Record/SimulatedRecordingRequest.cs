using System.Globalization;
using Arb.Engine.Backtest;

namespace Arb.Cli.Record;

/// <summary>
/// What <c>arbbot record --sim-hours</c> generates: the simulator's market for <see cref="Symbols"/> from
/// <see cref="StartMs"/> for <see cref="Hours"/> simulated hours, with the market seeded by <see cref="Seed"/>.
/// </summary>
internal sealed record SimulatedRecordingRequest(string Directory, IReadOnlyList<string> Symbols, double Hours, int Seed, long StartMs)
{
    /// <summary>A month: long enough for any training set, short enough to notice a typo (e.g. 7200 for 720).</summary>
    public const double MaxHours = 24 * 30;

    public const string DefaultStart = "2024-01-01T00:00:00Z";

    /// <summary>The end of the span, Unix ms (the hours rounded to whole milliseconds).</summary>
    public long EndMs => StartMs + (long)Math.Round(Hours * 3_600_000);

    /// <summary>
    /// Checks the command-line values; false with a message naming the option that is wrong. The message is
    /// what stderr shows, so it says what is allowed.
    /// </summary>
    public static bool TryCreate(
        string directory, IReadOnlyList<string> symbols, double hours, int seed, string? start, out SimulatedRecordingRequest? request, out string? problem)
    {
        request = null;
        if (!double.IsFinite(hours) || hours <= 0 || hours > MaxHours)
        {
            problem = Invariant($"--sim-hours {hours} is not allowed: expected more than 0 and at most {MaxHours} (30 days)");
            return false;
        }

        var startText = start ?? DefaultStart;
        if (!QuoteCsvReader.TryParseTime(startText.AsSpan().Trim(), out var startMs) || startMs < 0)
        {
            problem = $"--start \"{startText}\" is not allowed: expected an ISO 8601 time such as {DefaultStart} (UTC unless it names an offset)";
            return false;
        }

        request = new SimulatedRecordingRequest(directory, symbols, hours, seed, startMs);
        problem = null;
        return true;
    }

    /// <summary>
    /// The quotes files of the span's UTC days that exist already. A simulated recording refuses to append to them:
    /// a second span after the first would send time backwards in the file.
    /// </summary>
    public IEnumerable<string> ExistingQuoteFiles()
    {
        for (var day = RecordingPaths.UtcDay(StartMs); day <= RecordingPaths.UtcDay(EndMs); day = day.AddDays(1))
        {
            var path = RecordingPaths.Quotes(Directory, day);
            if (File.Exists(path))
            {
                yield return path;
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
