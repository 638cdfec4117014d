using System.CommandLine;

namespace Arb.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("arbbot: Bybit spot <-> perpetual arbitrage");
        return root.Parse(args).InvokeAsync();
    }
}
