using System.Globalization;
using Arb.Cli.Backtest;
using Arb.Cli.Settings;
using Arb.Cli.Trading;
using Arb.Domain.Trading;
using Arb.Engine.Backtest;
using Arb.Engine.Learning;
using Arb.Strategy.Learning;
using Spectre.Console;

namespace Arb.Cli.Train;

/// <summary>
/// <c>arbbot train</c>: splits the data in time (the first part trains, the rest tests: walk-forward, never the other
/// way round), trains one Q-learning policy per symbol in the backtester, evaluates it on both parts and the
/// threshold estimator on the test part, and writes each symbol's policy with those results into the policy
/// directory. Returns the exit code.
/// </summary>
internal static class TrainRunner
{
    public static async Task<int> RunAsync(
        TrainRequest request,
        TextWriter output,
        TextWriter errors,
        CancellationToken ct,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        ArgumentNullException.ThrowIfNull(request);
        return await OfflineCommand.RunAsync("train", errors, environment, async (settings, _, _) =>
        {
            if (request.Episodes is < 1 or > 10_000)
            {
                throw new FormatException($"--episodes must be between 1 and 10000, not {request.Episodes}");
            }

            if (request.TestShare is < 0 or >= 1 || double.IsNaN(request.TestShare))
            {
                throw new FormatException($"--test-share must be at least 0 and below 1, not {request.TestShare.ToString(CultureInfo.InvariantCulture)}");
            }

            var symbols = request.Symbols?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant()).ToList();
            var input = BacktestInput.Open(request.Files, symbols, request.SkipBadRows);
            foreach (var note in input.Notes)
            {
                await errors.WriteLineAsync($"train: {note}");
            }

            var outDir = request.OutDirectory ?? settings.Engine.PolicyDirectory;
            Directory.CreateDirectory(outDir);
            var (first, last) = Span(input);
            var split = request.TestShare == 0 ? last + 1 : first + (long)((last - first) * (1 - request.TestShare));
            var hyper = new QLearningOptions { Seed = request.Seed };
            var trainer = new PolicyTrainer(BacktestSetup.Create(settings, input.Symbols, new BacktestRunOptions()), hyper, request.Episodes);
            IEnumerable<QuoteRow> Rows() => input.Read().Rows;

            await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"train: {string.Join(',', input.Symbols)}; training {Utc(first)} to {Utc(split)}, testing {(request.TestShare == 0 ? "none" : $"{Utc(split)} to {Utc(last)}")}; {request.Episodes} episodes"));
            var learners = await TrainAsync(trainer, Rows, split, request, errors, ct);
            var estimators = learners.ToDictionary(l => l.Key, l => (IEdgeEstimator)l.Value, StringComparer.Ordinal);
            var onTrain = trainer.Evaluate(Rows, estimators, null, split, ct);
            BacktestReport? onTest = null;
            BacktestReport? thresholdOnTest = null;
            if (request.TestShare > 0)
            {
                onTest = trainer.Evaluate(Rows, estimators, split, null, ct);
                var thresholds = input.Symbols.ToDictionary(s => s, _ => EngineConfiguration.Threshold(settings), StringComparer.Ordinal);
                thresholdOnTest = trainer.Evaluate(Rows, thresholds, split, null, ct);
            }

            var training = new PolicyTraining(
                [.. input.Files.Select(Path.GetFileName).Select(f => f!)],
                DataFingerprint.Of(input.Files),
                first,
                split,
                onTest is null ? null : split,
                onTest is null ? null : last,
                time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            var rows = new List<string[]>();
            foreach (var symbol in input.Symbols)
            {
                var results = new PolicyResults(Result(onTrain, symbol)!, Result(onTest, symbol), Result(thresholdOnTest, symbol));
                var document = PolicyFile.Describe(symbol, learners[symbol].Table, hyper, request.Episodes, training, results);
                var path = PolicyFile.PathFor(outDir, symbol);
                PolicyFile.Save(path, document);
                await errors.WriteLineAsync($"train: wrote {Path.GetFullPath(path)} ({document.Values.Count} states learned)");
                rows.Add([symbol, Money(results.Train.NetPnlUsd), Figures(results.Test), Figures(results.TestThreshold), Money(results.Test?.OracleNetPnlUsd)]);
            }

            Table(output, rows);
            return ExitCodes.Ok;
        }, ct);
    }

    private static async Task<IReadOnlyDictionary<string, QLearningEstimator>> TrainAsync(
        PolicyTrainer trainer, Func<IEnumerable<QuoteRow>> rows, long split, TrainRequest request, TextWriter errors, CancellationToken ct)
    {
        if (Console.IsOutputRedirected || Console.IsErrorRedirected)
        {
            return trainer.Train(rows, null, split, (episode, report) => errors.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"train: episode {episode}/{request.Episodes}: net {report.Total.NetPnlUsd:0.00} USDT, {report.Total.RoundTrips} round trips")), ct);
        }

        IReadOnlyDictionary<string, QLearningEstimator>? learners = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("training", maxValue: request.Episodes);
                learners = await Task.Run(() => trainer.Train(rows, null, split, (episode, report) =>
                {
                    task.Value = episode;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"episode {episode}: net {report.Total.NetPnlUsd:0.00}");
                }, ct), ct);
            });
        return learners!;
    }

    private static (long First, long Last) Span(BacktestInput input)
    {
        long first = long.MaxValue;
        long last = long.MinValue;
        foreach (var row in input.Read().Rows)
        {
            var time = row.TimestampMs ?? 0;
            first = Math.Min(first, time);
            last = Math.Max(last, time);
        }

        return first == long.MaxValue ? throw new BacktestInputException("the files hold no rows") : (first, last);
    }

    private static PolicyResult? Result(BacktestReport? report, string symbol)
    {
        if (report?.Symbols.FirstOrDefault(s => s.Symbol == symbol) is not { } figures)
        {
            return null;
        }

        var oracle = report.Oracle?.NetPnlBySymbol.GetValueOrDefault(symbol);
        return new PolicyResult(
            figures.NetPnlUsd,
            figures.Trades,
            figures.RoundTrips,
            figures.FeesUsd,
            figures.MaxDrawdownUsd,
            figures.Sharpe,
            figures.WinRate,
            oracle,
            oracle is > 0m ? Math.Round(figures.NetPnlUsd / oracle.Value, 6) : null);
    }

    private static void Table(TextWriter output, List<string[]> rows)
    {
        var table = new Table().AddColumns("symbol", "train net", "test net (rl)", "test net (threshold)", "test oracle");
        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        var console = ReferenceEquals(output, Console.Out) ? AnsiConsole.Console : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Write(table);
    }

    private static string Figures(PolicyResult? result) => result is null
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{result.NetPnlUsd:0.00} ({result.RoundTrips} rt)");

    private static string Money(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Utc(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
