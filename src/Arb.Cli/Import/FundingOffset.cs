using System.Globalization;

namespace Arb.Cli.Import;

/// <summary>
/// The UTC offset of a funding history's wall-clock dates: given (<c>+03:00</c>) or inferred. Funding settles at
/// 00:00, 08:00 and 16:00 UTC, so when every event's time of day sits at the same phase of the 8-hour cycle, that
/// phase is the offset. Only offsets from -03:59 to +04:00 can be told apart this way (+03:00 and -05:00 look the
/// same); others must be given.
/// </summary>
public static class FundingOffset
{
    public const string Auto = "auto";

    private static readonly TimeSpan Cycle = TimeSpan.FromHours(8);

    /// <summary>Parses <c>+03:00</c>, <c>-05:30</c>, <c>+3</c> or <c>0</c>; null when not an offset.</summary>
    public static TimeSpan? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t is "0" or "Z" or "UTC" or "utc")
        {
            return TimeSpan.Zero;
        }

        if (t.Length < 2 || (t[0] != '+' && t[0] != '-'))
        {
            return null;
        }

        var body = t[1..];
        if (!TimeSpan.TryParseExact(body, ["h\\:mm", "hh\\:mm", "h", "hh"], CultureInfo.InvariantCulture, out var offset)
            || offset > TimeSpan.FromHours(14))
        {
            return null;
        }

        return t[0] == '-' ? -offset : offset;
    }

    /// <summary>The offset whose phase all the wall-clock times share, or null when they do not share one.</summary>
    public static TimeSpan? Infer(IEnumerable<DateTime> wallClockTimes)
    {
        ArgumentNullException.ThrowIfNull(wallClockTimes);
        TimeSpan? phase = null;
        foreach (var time in wallClockTimes)
        {
            // Whole minutes: some exchanges stamp the settlement a millisecond or so late.
            var minutes = (long)time.TimeOfDay.TotalMinutes % (long)Cycle.TotalMinutes;
            var current = TimeSpan.FromMinutes(minutes);
            if (phase is null)
            {
                phase = current;
            }
            else if (phase != current)
            {
                return null;
            }
        }

        if (phase is not { } p)
        {
            return null;
        }

        return p <= TimeSpan.FromHours(4) ? p : p - Cycle;
    }

    public static string Format(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);
}
