using System.CommandLine;
using Arb.Cli.Commands;

namespace Arb.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => BuildCommand().Parse(args).InvokeAsync();

    internal static RootCommand BuildCommand()
    {
        var root = new RootCommand(
            "arbbot: Bybit spot <-> perpetual arbitrage. Settings come from the environment and .env (see .env.example).");
        root.Subcommands.Add(ReplayCommand.Create());
        return root;
    }
}
