using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Arb.Benchmarks;

/// <summary>
/// The per-message latency distribution of the tick-to-order path, which BenchmarkDotNet does not give for an
/// operation this short (it times invocations of many messages, and its percentiles are over those averages).
/// Each message of <see cref="TickToOrderScenario"/> is timed on its own with <see cref="Stopwatch.GetTimestamp"/>
/// into a preallocated array, after a warm-up long enough for tiered compilation to reach its final code; then the
/// samples are sorted and read at each percentile. The bytes allocated per message are counted around the measured
/// loop (the sample array is allocated before it), and the garbage collections during it are reported.
/// </summary>
/// <remarks>Run with <c>dotnet run -c Release --project bench/Arb.Benchmarks -- --tick-to-order-latency</c>.</remarks>
internal static class TickToOrderLatency
{
    public const string Switch = "--tick-to-order-latency";
    private const int Rounds = 5;
    private const int PassesPerRound = 100; // 200,200 messages a round
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static void Run()
    {
        Console.WriteLine($"Tick to order, per-message latency: .NET {Environment.Version}, {Environment.ProcessorCount} cores, "
            + $"server GC {GCSettings.IsServerGC}, Stopwatch {Stopwatch.Frequency:N0} Hz, timer overhead {TimerOverheadNs():F0} ns (median of an empty pair, included below)");
        Console.WriteLine();
        Console.WriteLine("| Messages | Round | Samples | Median | P90 | P99 | P99.9 | Max | Mean | Allocated / message | GCs (0/1/2) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var descriptions = new List<string>();
        foreach (var opening in new[] { false, true })
        {
            var scenario = TickToOrderScenario.Create(opening);
            var name = opening ? "TradingMessage" : "NonTradingMessage";
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < WarmUp)
            {
                scenario.Pass();
            }

            descriptions.Add(scenario.Describe());
            var all = new List<long>();
            for (var round = 1; round <= Rounds; round++)
            {
                var samples = Measure(scenario, out var allocated, out var gcs);
                all.AddRange(samples);
                Print(name, round.ToString(CultureInfo.InvariantCulture), samples, (double)allocated / samples.Length, gcs);
            }

            Print(name, "all", [.. all], double.NaN, "");
        }

        Console.WriteLine();
        descriptions.ForEach(Console.WriteLine);
    }

    private static long[] Measure(TickToOrderScenario scenario, out long allocated, out string gcs)
    {
        var samples = new long[PassesPerRound * TickToOrderScenario.MessagesPerPass];
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var n = 0;
        for (var pass = 0; pass < PassesPerRound; pass++)
        {
            for (var i = 0; i < TickToOrderScenario.MessagesPerPass; i++)
            {
                var start = Stopwatch.GetTimestamp();
                scenario.Message(i);
                samples[n++] = Stopwatch.GetTimestamp() - start;
            }
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        gcs = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}";
        return samples;
    }

    private static void Print(string name, string round, long[] samples, double allocatedPerMessage, string gcs)
    {
        Array.Sort(samples);
        var mean = samples.Average();
        var allocated = double.IsNaN(allocatedPerMessage) ? "" : allocatedPerMessage.ToString("N0", CultureInfo.InvariantCulture) + " B";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {round} | {samples.Length:N0} | {Us(At(samples, 0.50))} | {Us(At(samples, 0.90))} | {Us(At(samples, 0.99))} | {Us(At(samples, 0.999))} | {Us(samples[^1])} | {Us(mean)} | {allocated} | {gcs} |"));
    }

    // Nearest rank: the smallest sample with at least that share of the samples at or below it.
    private static long At(long[] sorted, double percentile) => sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Length) - 1)];

    private static string Us(double ticks) => (ticks * 1e6 / Stopwatch.Frequency).ToString("F2", CultureInfo.InvariantCulture) + " µs";

    private static double TimerOverheadNs()
    {
        var samples = new long[100_000];
        for (var i = 0; i < samples.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            samples[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(samples);
        return samples[samples.Length / 2] * 1e9 / Stopwatch.Frequency;
    }
}
