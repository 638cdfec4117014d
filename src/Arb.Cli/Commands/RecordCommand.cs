using System.CommandLine;
using Arb.Cli.Record;
using Arb.Cli.Run;
using Arb.Cli.Settings;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Commands;

/// <summary><c>arbbot record --out DIR</c>: market data to daily files, for backtests and replays.</summary>
internal static partial class RecordCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out", "-o")
        {
            Description = "Directory for the recording (created if missing): quotes-YYYY-MM-DD.csv and frames-spot|linear-YYYY-MM-DD.jsonl",
            Required = true,
        };
        var command = new Command(
            "record",
            "Stream the market data of SYMBOLS as 'arbbot run' does (Bybit with BYBIT_* settings or MODE=paper, else the embedded " +
            "simulator) and record it, one set of files per UTC day: a quotes CSV for 'arbbot backtest' and the raw WebSocket frames " +
            "for 'arbbot replay'. Flushed every second; Ctrl+C flushes, closes and prints what was written. With --sim-hours it instead " +
            "generates that many hours of the simulator's market at full speed into the quotes CSVs (no frames, no connection).");
        var simHours = new Option<double>("--sim-hours")
        {
            Description = "Instead of streaming: generate this many hours of the embedded simulator's market at full speed " +
                $"(more than 0, at most {SimulatedRecordingRequest.MaxHours}); writes only the quotes CSVs and never connects anywhere",
        };
        var seed = new Option<int>("--seed") { Description = "With --sim-hours: seed of the synthetic market (default 1; same seed, same files)" };
        var start = new Option<string?>("--start")
        {
            Description = $"With --sim-hours: simulated start time, ISO 8601 (default {SimulatedRecordingRequest.DefaultStart})",
        };
        command.Options.Add(outDir);
        command.Options.Add(simHours);
        command.Options.Add(seed);
        command.Options.Add(start);
        command.SetAction(async (result, ct) =>
        {
            var directory = result.GetValue(outDir)!;
            // Given or not, rather than a nullable value: the parse error then names a plain number type.
            var seedValue = result.GetResult(seed) is null ? (int?)null : result.GetValue(seed);
            if (result.GetResult(simHours) is not null)
            {
                return await RunSimulatedAsync(directory, result.GetValue(simHours), seedValue, result.GetValue(start), Console.Out, Console.Error, ct);
            }

            if (seedValue is not null || result.GetValue(start) is not null)
            {
                await Console.Error.WriteLineAsync("arbbot record: --seed and --start only apply with --sim-hours");
                return ExitCodes.BadConfiguration;
            }

            return await RunAsync(directory, Console.Out, Console.Error, ct);
        });
        return command;
    }

    internal static async Task<int> RunAsync(string outDir, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        if (!RecordDirectory.TryPrepare(outDir, out var directory, out var problem))
        {
            await errors.WriteLineAsync($"arbbot record: cannot write to --out {directory}: {problem}");
            return ExitCodes.BadConfiguration;
        }

        if (!SettingsGate.TryLoad(errors, out var settings))
        {
            return ExitCodes.BadConfiguration;
        }

        using var loggers = ConsoleLogging.Create(settings.Engine.LogLevel);
        return await RecordAsync(settings, loggers, directory, output, ct);
    }

    /// <summary>
    /// <c>record --sim-hours</c>: the simulator's market generated on a simulated clock into the quotes CSVs. Only
    /// <c>SYMBOLS</c> is read from the settings (<paramref name="symbols"/> replaces it when given); MODE and API
    /// keys do not matter since nothing connects.
    /// </summary>
    internal static async Task<int> RunSimulatedAsync(
        string outDir, double hours, int? seed, string? start, TextWriter output, TextWriter errors, CancellationToken ct, IReadOnlyList<string>? symbols = null)
    {
        // The options are checked before anything is created, so a typo leaves no empty directory behind.
        if (!SimulatedRecordingRequest.TryCreate(outDir, [], hours, seed ?? 1, start, out var checkedRequest, out var problem))
        {
            await errors.WriteLineAsync($"arbbot record: {problem}");
            return ExitCodes.BadConfiguration;
        }

        if (!RecordDirectory.TryPrepare(outDir, out var directory, out problem))
        {
            await errors.WriteLineAsync($"arbbot record: cannot write to --out {directory}: {problem}");
            return ExitCodes.BadConfiguration;
        }

        if (symbols is null)
        {
            if (!SettingsGate.TryLoad(errors, out var settings))
            {
                return ExitCodes.BadConfiguration;
            }

            symbols = settings.MarketData.Symbols;
        }

        var request = checkedRequest! with { Directory = directory, Symbols = symbols };
        if (request.ExistingQuoteFiles().FirstOrDefault() is { } existing)
        {
            await errors.WriteLineAsync($"arbbot record: --out already holds {existing}: a simulated recording writes whole new files (choose another --out or remove it)");
            return ExitCodes.BadConfiguration;
        }

        try
        {
            // CPU-bound from start to end: off the caller's thread so Ctrl+C handling stays responsive.
            var summary = await Task.Run(() => SimulatedMarketRecorder.Record(request, output, ct), CancellationToken.None);
            foreach (var line in summary.Lines())
            {
                await output.WriteLineAsync(line);
            }

            await output.FlushAsync(CancellationToken.None);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"arbbot record: writing to {directory} failed: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Records until <paramref name="ct"/> is cancelled, then prints the summary to <paramref name="output"/>.</summary>
    internal static async Task<int> RecordAsync(
        BotSettings settings, ILoggerFactory loggers, string directory, TextWriter output, CancellationToken ct, Action<MarketDataRunner>? watching = null)
    {
        var logger = loggers.CreateLogger("arbbot");
        await using var recorder = new MarketRecorder(directory, TimeProvider.System, loggers.CreateLogger<MarketRecorder>());
        recorder.Start();
        try
        {
            await using var simulator = await RunCommand.StartSimulatorIfNeededAsync(settings, loggers, ct);
            if (simulator is not null)
            {
                // Public data needs no keys: only the simulator's addresses replace the settings'.
                settings = settings with { Exchange = settings.Exchange with { RestUrl = simulator.RestUri, WsUrl = simulator.WebSocketUri } };
                LogSimulator(logger, simulator.RestUri.ToString());
            }

            LogRecording(logger, directory);
            var runner = new MarketDataRunner(settings, TimeProvider.System, loggers) { Recorder = recorder };
            watching?.Invoke(runner);
            await runner.RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        var summary = await recorder.StopAsync();
        foreach (var line in summary.Lines())
        {
            await output.WriteLineAsync(line);
        }

        await output.FlushAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "no API keys and no BYBIT_REST_URL / BYBIT_WS_URL: recording the embedded Bybit simulator at {Url} (synthetic market)")]
    private static partial void LogSimulator(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "recording to {Directory} (Ctrl+C stops)")]
    private static partial void LogRecording(ILogger logger, string directory);
}
