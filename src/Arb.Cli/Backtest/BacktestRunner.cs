using System.Diagnostics;
using System.Globalization;
using Arb.Cli.Settings;
using Arb.Engine.Backtest;
using Spectre.Console;

namespace Arb.Cli.Backtest;

/// <summary>
/// <c>arbbot backtest</c> from a parsed command line: settings, input, one run or a sweep, then the summary on the
/// terminal (or JSON on stdout) and the files of <c>--out</c>. Returns the exit code.
/// </summary>
internal static class BacktestRunner
{
    /// <param name="environment">The settings' variables; null reads the process environment and <c>.env</c> in the working directory.</param>
    public static async Task<int> RunAsync(
        BacktestRequest request, TextWriter output, TextWriter errors, CancellationToken ct, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await OfflineCommand.RunAsync("backtest", errors, environment, async (settings, variables, dotEnv) =>
        {
            var runOptions = RunOptions(request);
            var symbols = request.Symbols?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.ToUpperInvariant()).ToList();
            var input = BacktestInput.Open(request.Files, symbols, request.SkipBadRows);
            foreach (var note in input.Notes)
            {
                await errors.WriteLineAsync($"backtest: {note}");
            }

            if (request.Sweep.Count > 0)
            {
                var axes = request.Sweep.Select(SweepAxis.Parse).ToList();
                return await SweepAsync(input, axes, SweepRunner.Prepare(axes, variables, dotEnv), runOptions, request, output, errors, ct);
            }

            return await SingleAsync(input, settings, runOptions, request, output, errors, ct);
        }, ct);
    }

    private static BacktestRunOptions RunOptions(BacktestRequest request)
    {
        if (request.LatencyMs is < 0 or > 60_000 || double.IsNaN(request.LatencyMs))
        {
            throw new FormatException($"--latency-ms must be between 0 and 60000, not {request.LatencyMs.ToString(CultureInfo.InvariantCulture)}");
        }

        var from = Time(request.From, "--from");
        var to = Time(request.To, "--to");
        if (from is not null && to is not null && to <= from)
        {
            throw new FormatException("--to must be after --from");
        }

        if (request.OutDirectory is { } outDir)
        {
            Directory.CreateDirectory(outDir);

            // trades.csv and pnl.csv are this run's: a previous run's rows must not be appended to.
            File.Delete(Path.Combine(outDir, "trades.csv"));
            File.Delete(Path.Combine(outDir, "pnl.csv"));
        }

        return new BacktestRunOptions
        {
            FillLatency = TimeSpan.FromMilliseconds(request.LatencyMs),
            FromMs = from,
            ToMs = to,
            OutDirectory = request.Sweep.Count > 0 ? null : request.OutDirectory,
            Oracle = request.Oracle,
        };
    }

    private static long? Time(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return QuoteCsvReader.TryParseTime(text.Trim(), out var ms)
            ? ms
            : throw new FormatException($"{option} '{text}' is neither an ISO 8601 time (2024-08-08T23:55:00Z) nor epoch milliseconds");
    }

    private static async Task<int> SingleAsync(
        BacktestInput input, BotSettings settings, BacktestRunOptions runOptions, BacktestRequest request, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var options = BacktestSetup.Create(settings, input.Symbols, runOptions);
        foreach (var (name, value) in options.SettingsEcho.Where(e => e.Key.StartsWith("estimator ", StringComparison.Ordinal)))
        {
            await errors.WriteLineAsync($"backtest: {name[10..]} uses {value}");
        }

        var (reader, rows) = input.Read();
        var run = new BacktestRun(options);
        var clock = Stopwatch.StartNew();
        BacktestReport report;
        if (ShowsProgress(request))
        {
            report = await WithProgressAsync(
                input.TotalBytes,
                () => reader.BytesRead,
                () => run.Run(rows, input.Files, () => BacktestInput.BadRows(reader), ct));
        }
        else
        {
            report = run.Run(rows, input.Files, () => BacktestInput.BadRows(reader), ct);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        BacktestOutput.Summary(report, request.Json, output);
        if (request.OutDirectory is { } outDir)
        {
            BacktestOutput.Files(report, outDir);
            await errors.WriteLineAsync($"backtest: wrote report.json, report.html, trades.csv and pnl.csv to {Path.GetFullPath(outDir)}");
        }

        await errors.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture, $"backtest: {report.Input.RowsRead:N0} rows in {seconds:0.00} s ({report.Input.RowsRead / Math.Max(seconds, 1e-9):N0} rows/s)"));
        return ExitCodes.Ok;
    }

    private static async Task<int> SweepAsync(
        BacktestInput input,
        IReadOnlyList<SweepAxis> axes,
        IReadOnlyList<(IReadOnlyDictionary<string, decimal> Values, BotSettings Settings)> combinations,
        BacktestRunOptions runOptions,
        BacktestRequest request,
        TextWriter output,
        TextWriter errors,
        CancellationToken ct)
    {
        long done = 0;
        IReadOnlyList<SweepResult> results;
        if (ShowsProgress(request))
        {
            results = await WithProgressAsync(
                combinations.Count,
                () => Interlocked.Read(ref done),
                () => SweepRunner.Run(input, combinations, runOptions, () => Interlocked.Increment(ref done), ct));
        }
        else
        {
            results = SweepRunner.Run(input, combinations, runOptions, null, ct);
        }

        BacktestOutput.Sweep(axes, results, request.Json, output);
        if (request.OutDirectory is { } outDir)
        {
            Directory.CreateDirectory(outDir);
            var path = Path.Combine(outDir, "sweep.csv");
            await using (var writer = new StreamWriter(path) { NewLine = "\n" })
            {
                SweepRunner.WriteCsv(writer, axes, results);
            }

            await errors.WriteLineAsync($"backtest: wrote {Path.GetFullPath(path)}");
        }

        return ExitCodes.Ok;
    }

    private static bool ShowsProgress(BacktestRequest request) => !request.Json && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    // The work runs on the thread pool while Spectre draws the bar against the given total.
    private static async Task<T> WithProgressAsync<T>(long total, Func<long> done, Func<T> work)
    {
        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("backtest", maxValue: Math.Max(1, total));
                var running = Task.Run(work);
                while (!running.IsCompleted)
                {
                    task.Value = done();
                    await Task.WhenAny(running, Task.Delay(100));
                }

                task.Value = total;
                result = await running;
            });
        return result;
    }
}
