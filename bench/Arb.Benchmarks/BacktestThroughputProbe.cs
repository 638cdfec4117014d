using System.Diagnostics;
using Arb.Engine.Backtest;

namespace Arb.Benchmarks;

/// <summary>
/// A quick Stopwatch measurement of <see cref="BacktestThroughputBenchmarks"/>'s workload, for iterating between
/// full BenchmarkDotNet runs: <c>--backtest-probe [rows]</c> prints rows/s of reading alone (enumerated and pushed) and end to end, the
/// trades, and the bytes allocated per run.
/// </summary>
internal static class BacktestThroughputProbe
{
    public const string Switch = "--backtest-probe";

    public static void Run(int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"arb-probe-quotes-{rows}.csv");
        if (!File.Exists(path))
        {
            QuoteFileGenerator.Write(path, rows);
        }

        for (var pass = 0; pass < 3; pass++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            long count = 0;
            foreach (var row in new QuoteCsvReader().Read(path))
            {
                count += row.LineNumber & 1;
            }

            var read = watch.Elapsed.TotalSeconds;
            var readAllocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            watch.Restart();
            new QuoteCsvReader().ReadInto(path, (in QuoteRow row) => count += row.LineNumber & 1);
            var push = watch.Elapsed.TotalSeconds;
            allocated = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            var report = BacktestScenario.Run(path);
            var total = watch.Elapsed.TotalSeconds;
            var runAllocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine(
                $"read {rows / read:N0} rows/s ({readAllocated:N0} B), pushed {rows / push:N0} rows/s | end to end {rows / total:N0} rows/s ({runAllocated:N0} B), "
                + $"{report.Total.Trades} trades, net {report.Total.NetPnlUsd:F2}, {count}");
        }
    }
}
