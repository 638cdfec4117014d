using System.CommandLine;
using Arb.Cli.Backtest;

namespace Arb.Cli.Commands;

/// <summary><c>arbbot backtest DATA.csv [more files] [options]</c>.</summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("DATA")
        {
            Description = "Quote CSV files (.csv or .csv.gz): symbol, bid, ask and optional timestamp, bid_qty, ask_qty, category, funding_rate, next_funding_time",
            Arity = ArgumentArity.OneOrMore,
        };
        var symbols = new Option<string>("--symbols") { Description = "Comma-separated symbols to trade (default: every symbol with both spot and perp rows)" };
        var from = new Option<string>("--from") { Description = "Leave out rows before this time (ISO 8601 UTC or epoch ms)" };
        var to = new Option<string>("--to") { Description = "Leave out rows at or after this time (ISO 8601 UTC or epoch ms)" };
        var skipBad = new Option<bool>("--skip-bad-rows") { Description = "Skip and count bad rows instead of stopping at the first" };
        var latency = new Option<double>("--latency-ms") { Description = "Milliseconds from a decision to its orders reaching the simulated venue (default 0)" };
        var outDir = new Option<string>("--out") { Description = "Directory for report.json, report.html, trades.csv and pnl.csv (a sweep writes sweep.csv)" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON on stdout instead of the table" };
        var sweep = new Option<string[]>("--sweep")
        {
            Description = "NAME=FROM:TO:STEP, repeatable: run every combination of these settings on all cores, best net PnL first",
            AllowMultipleArgumentsPerToken = false,
        };
        var noOracle = new Option<bool>("--no-oracle") { Description = "Skip the hindsight oracle" };
        var command = new Command(
            "backtest",
            "Replay quote files through the same engine, estimator, sizing and risk limits as 'run' (settings from the " +
            "environment and .env; fees from SPOT_TAKER_FEE and PERP_TAKER_FEE), with fills simulated at the quoted prices " +
            "and sizes. Prints a summary with the hindsight oracle's best result. Exit codes: 0 done, 1 failure, 2 bad " +
            "setting, usage or input (a bad row stops the run with its file, line and reason unless --skip-bad-rows).");
        command.Arguments.Add(files);
        foreach (var option in new Option[] { symbols, from, to, skipBad, latency, outDir, json, sweep, noOracle })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => BacktestRunner.RunAsync(
            new BacktestRequest(
                parse.GetValue(files) ?? [],
                parse.GetValue(symbols),
                parse.GetValue(from),
                parse.GetValue(to),
                parse.GetValue(skipBad),
                parse.GetValue(latency),
                parse.GetValue(outDir),
                parse.GetValue(json),
                parse.GetValue(sweep) ?? [],
                !parse.GetValue(noOracle)),
            Console.Out,
            Console.Error,
            ct));
        return command;
    }
}
