namespace Arb.Cli.Import;

/// <summary>The unit of an integer epoch timestamp.</summary>
public enum TimestampUnit
{
    Milliseconds,
    Microseconds,
    Nanoseconds,
}

/// <summary>Tells the unit of an epoch timestamp from its magnitude, and converts to milliseconds.</summary>
public static class TimestampUnits
{
    // Any time from 2001-09-09 to 2286 has 13 digits in milliseconds, 16 in microseconds and 19 in nanoseconds
    // (a long holds nanoseconds up to 2262), so the digit count alone names the unit for any plausible recording.
    private const long MsFrom = 1_000_000_000_000;
    private const long MsTo = 10_000_000_000_000;
    private const long UsFrom = 1_000_000_000_000_000;
    private const long UsTo = 10_000_000_000_000_000;
    private const long NsFrom = 1_000_000_000_000_000_000;

    /// <summary>The unit whose plausible range holds <paramref name="value"/>, or null when none does.</summary>
    public static TimestampUnit? Detect(long value) => value switch
    {
        >= MsFrom and < MsTo => TimestampUnit.Milliseconds,
        >= UsFrom and < UsTo => TimestampUnit.Microseconds,
        >= NsFrom => TimestampUnit.Nanoseconds,
        _ => null,
    };

    /// <summary>Whole milliseconds, truncating the sub-millisecond part.</summary>
    public static long ToMilliseconds(long value, TimestampUnit unit) => unit switch
    {
        TimestampUnit.Microseconds => value / 1_000,
        TimestampUnit.Nanoseconds => value / 1_000_000,
        _ => value,
    };

    public static string ShortName(this TimestampUnit unit) => unit switch
    {
        TimestampUnit.Microseconds => "us",
        TimestampUnit.Nanoseconds => "ns",
        _ => "ms",
    };
}
