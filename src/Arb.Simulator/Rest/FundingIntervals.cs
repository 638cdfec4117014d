namespace Arb.Simulator.Rest;

/// <summary>
/// Bybit publishes the funding interval in whole units: instruments-info <c>fundingInterval</c> in minutes,
/// tickers <c>fundingIntervalHour</c> in hours. Test markets settle far more often (e.g. every second), so both
/// round up: a one-second interval reads as 1 minute and 1 hour, never 0, which clients would divide by.
/// </summary>
internal static class FundingIntervals
{
    public static int Minutes(TimeSpan interval) => Math.Max(1, (int)Math.Ceiling(interval.TotalMinutes));

    public static int Hours(TimeSpan interval) => Math.Max(1, (int)Math.Ceiling(interval.TotalHours));
}
