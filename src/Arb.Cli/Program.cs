using System.CommandLine;
using Arb.Cli.Commands;

namespace Arb.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var parse = BuildCommand().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"arbbot: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'arbbot --help' for usage.");
            return ExitCodes.BadConfiguration;
        }

        return await parse.InvokeAsync();
    }

    internal static RootCommand BuildCommand()
    {
        var root = new RootCommand(
            "arbbot: Bybit spot <-> perpetual arbitrage. Settings come from the environment and .env (see .env.example). " +
            "Exit codes: 0 ok or stopped by Ctrl+C, 1 runtime failure, 2 bad setting, usage or input file, 3 stopped by a risk limit.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(RecordCommand.Create());
        root.Subcommands.Add(SimCommand.Create());
        root.Subcommands.Add(BacktestCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        return root;
    }
}
