using System.Globalization;
using Arb.Cli.Run.Status;

namespace Arb.Cli.Backtest;

/// <summary>
/// How the backtest report writes figures for people (terminal and HTML alike): money to the cent as the status view
/// does, shares as percentages, times in UTC. The JSON report keeps the exact values; this is only for reading.
/// </summary>
internal static class ReportFormat
{
    /// <summary>What a cell shows when the figure does not exist (no round trips, too little data for a Sharpe ratio).</summary>
    public const string Missing = "-";

    /// <summary>USDT to two decimals, invariant, with no "-0.00".</summary>
    public static string Money(decimal value) => StatusFormat.Money(value);

    /// <summary>A whole count, invariant.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A share (0.25) as a percentage with one decimal ("25.0%").</summary>
    public static string Percent(double share) =>
        double.IsFinite(share) ? (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : Missing;

    /// <summary>A share as a percentage with one decimal; <see cref="Missing"/> when there is none.</summary>
    public static string Percent(decimal? share) => share is { } value ? Percent((double)value) : Missing;

    /// <summary>A ratio such as Sharpe to two decimals; <see cref="Missing"/> when there is none.</summary>
    public static string Ratio(double? value) =>
        value is { } ratio && double.IsFinite(ratio) ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : Missing;

    /// <summary>Epoch milliseconds as a UTC time to the second; <see cref="Missing"/> when there is none.</summary>
    public static string UtcTime(long? timeMs) => timeMs is { } ms
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
        : Missing;

    /// <summary>A length of time as days, hours, minutes and seconds ("1d 02:03:04"), for the data's span.</summary>
    public static string Span(long milliseconds)
    {
        var span = TimeSpan.FromMilliseconds(milliseconds);
        var clock = span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        return span.Days > 0 ? $"{span.Days.ToString(CultureInfo.InvariantCulture)}d {clock}" : clock;
    }
}
