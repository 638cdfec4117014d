namespace Arb.Cli.Backtest;

/// <summary>
/// Converts data time to the x coordinate ScottPlot's date-time axis expects (an OLE automation date). The time is
/// built as UTC and never converted to local time, so the axis reads UTC on any machine.
/// </summary>
internal static class ChartTime
{
    public static double X(long timeMs) => DateTime.UnixEpoch.AddMilliseconds(timeMs).ToOADate();
}
