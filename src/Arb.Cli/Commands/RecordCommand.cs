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
            "for 'arbbot replay'. Flushed every second; Ctrl+C flushes, closes and prints what was written.");
        command.Options.Add(outDir);
        command.SetAction((result, ct) => RunAsync(result.GetValue(outDir)!, Console.Out, Console.Error, ct));
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
