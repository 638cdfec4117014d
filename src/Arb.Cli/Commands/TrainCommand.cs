using System.CommandLine;
using Arb.Cli.Train;

namespace Arb.Cli.Commands;

/// <summary><c>arbbot train DATA.csv [more files] [options]</c>.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("DATA") { Description = "Quote CSV files (.csv or .csv.gz), as for backtest", Arity = ArgumentArity.OneOrMore };
        var symbols = new Option<string>("--symbols") { Description = "Comma-separated symbols to train (default: every symbol with both spot and perp rows)" };
        var episodes = new Option<int>("--episodes") { Description = "Passes over the training data (default 20)", DefaultValueFactory = _ => 20 };
        var outDir = new Option<string>("--out") { Description = "Where the policies are written (default: POLICY_DIR)" };
        var testShare = new Option<double>("--test-share") { Description = "Share of the data's time span, at its end, kept out of training to test on (default 0.3)", DefaultValueFactory = _ => 0.3 };
        var seed = new Option<int>("--seed") { Description = "Seed of the exploration (default 1)", DefaultValueFactory = _ => 1 };
        var skipBad = new Option<bool>("--skip-bad-rows") { Description = "Skip and count bad rows instead of stopping at the first" };
        var command = new Command(
            "train",
            "Train a reinforcement-learning (tabular Q-learning) policy per symbol in the backtester on the first part of the data, " +
            "test it walk-forward on the rest against the threshold estimator and the hindsight oracle, and write SYMBOL.policy.json " +
            "into POLICY_DIR, which run and backtest load at start-up. Exit codes: 0 done, 1 failure, 2 bad setting, option or input.");
        command.Arguments.Add(files);
        foreach (var option in new Option[] { symbols, episodes, outDir, testShare, seed, skipBad })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => TrainRunner.RunAsync(
            new TrainRequest(
                parse.GetValue(files) ?? [],
                parse.GetValue(symbols),
                parse.GetValue(episodes),
                parse.GetValue(outDir),
                parse.GetValue(testShare),
                parse.GetValue(seed),
                parse.GetValue(skipBad)),
            Console.Out,
            Console.Error,
            ct));
        return command;
    }
}
