using BenchmarkDotNet.Running;

namespace Arb.Benchmarks;

internal static class Program
{
    public static void Main(string[] args)
    {
        if (args is [TickToOrderLatency.Switch])
        {
            TickToOrderLatency.Run();
            return;
        }

        if (args is [BacktestThroughputProbe.Switch, ..])
        {
            BacktestThroughputProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
