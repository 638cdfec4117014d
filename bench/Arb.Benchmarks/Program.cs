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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
