using System.CommandLine;
using Arb.Cli.Record;
using Arb.Cli.Run;
using Arb.Cli.Settings;
using Arb.Cli.Trading;
using Arb.Simulator;
using Arb.Simulator.Auth;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Commands;

/// <summary><c>arbbot run</c>: the bot.</summary>
internal static partial class RunCommand
{
    public static Command Create()
    {
        var command = new Command(
            "run",
            "Run the bot with the settings from the environment and .env. MODE=live trades on Bybit with the API keys; " +
            "MODE=paper trades Bybit's live books with simulated fills; MODE=sim (or no API keys) starts the embedded Bybit " +
            "simulator and trades against it. Before trading it loads STATE_FILE (or its backup) and reconciles with the " +
            "exchange. Writes every fill to TRADES_LOG, PnL to PNL_LOG, the state every STATE_SAVE_SEC, and serves metrics on " +
            "PROM_HOST:PROM_PORT (/metrics, /healthz, /readyz). Each symbol trades with its policy POLICY_DIR/SYMBOL.policy.json when " +
            "there is a usable one (see 'arbbot train'; RL_ONLINE_LEARNING lets it keep learning), else with the threshold estimator. Ctrl+C stops new trades, lets executions in flight finish and " +
            "hedge, then exits 0 keeping the positions; a risk limit closes every position and exits 3.");
        var freshStart = new Option<bool>("--fresh-start")
        {
            Description = "Start without reading STATE_FILE / STATE_BACKUP_FILE (use when both are unreadable): positions are " +
                "taken from the exchange, and the saved peaks, daily counters and any risk stop are forgotten",
        };
        var record = new Option<string?>("--record")
        {
            Description = "Also record the market data the bot decides on into this directory, as 'arbbot record --out' does",
        };
        command.Options.Add(freshStart);
        command.Options.Add(record);
        command.SetAction((result, ct) => RunAsync(Console.Error, ct, result.GetValue(freshStart), result.GetValue(record)));
        return command;
    }

    internal static async Task<int> RunAsync(TextWriter errors, CancellationToken ct, bool freshStart = false, string? record = null)
    {
        string? recordDirectory = null;
        if (record is not null && !RecordDirectory.TryPrepare(record, out recordDirectory, out var problem))
        {
            await errors.WriteLineAsync($"arbbot run: cannot write to --record {recordDirectory}: {problem}");
            return ExitCodes.BadConfiguration;
        }

        if (!SettingsGate.TryLoad(errors, out var settings))
        {
            return ExitCodes.BadConfiguration;
        }

        using var loggers = ConsoleLogging.Create(settings.Engine.LogLevel);
        return await RunAsync(settings, loggers, ct, freshStart: freshStart, recordDirectory: recordDirectory);
    }

    /// <summary>The bot with validated settings, until <paramref name="ct"/> is cancelled.</summary>
    internal static async Task<int> RunAsync(
        BotSettings settings,
        ILoggerFactory loggers,
        CancellationToken ct,
        Action<TradingRunner>? started = null,
        Action<MarketDataRunner>? watching = null,
        bool freshStart = false,
        string? recordDirectory = null)
    {
        var logger = loggers.CreateLogger("arbbot");
        await using var recorder = recordDirectory is null ? null : new MarketRecorder(recordDirectory, TimeProvider.System, loggers.CreateLogger<MarketRecorder>());
        recorder?.Start();
        try
        {
            return await RunAsync(settings, loggers, logger, ct, started, watching, freshStart, recorder);
        }
        finally
        {
            if (recorder is not null)
            {
                foreach (var line in (await recorder.StopAsync()).Lines())
                {
                    LogRecorded(logger, line);
                }
            }
        }
    }

    private static async Task<int> RunAsync(
        BotSettings settings,
        ILoggerFactory loggers,
        ILogger logger,
        CancellationToken ct,
        Action<TradingRunner>? started,
        Action<MarketDataRunner>? watching,
        bool freshStart,
        MarketRecorder? recorder)
    {
        await using var simulator = await StartSimulatorIfNeededAsync(settings, loggers, ct);
        var mode = settings.Trading.Mode;
        if (simulator is not null)
        {
            var sandbox = SimCredentials.Sandbox;
            settings = settings with
            {
                Exchange = settings.Exchange with
                {
                    RestUrl = simulator.RestUri,
                    WsUrl = simulator.WebSocketUri,
                    ApiKey = new Secret(sandbox.ApiKey),
                    ApiSecret = new Secret(sandbox.ApiSecret),
                },
            };
            mode = TradingMode.Sim;
            LogSimulator(logger, simulator.RestUri.ToString());

            // The embedded simulator is a new exchange on every run: a state saved against the previous one can
            // only disagree with it (and a stop recorded there must not block a fresh demo).
            freshStart = true;
        }
        else if (mode == TradingMode.Auto)
        {
            mode = settings.HasApiKeys ? TradingMode.Live : TradingMode.Auto;
        }

        try
        {
            if (mode == TradingMode.Auto)
            {
                // No keys, but a server of the user's choosing: nothing can be traded, so only watch.
                LogMode(logger, settings.Exchange.Environment.ToString().ToLowerInvariant(), "no API keys, custom BYBIT_REST_URL / BYBIT_WS_URL: watching market data only");
                var watcher = new MarketDataRunner(settings, TimeProvider.System, loggers) { Recorder = recorder };
                watching?.Invoke(watcher);
                await watcher.RunAsync(ct);
            }
            else
            {
                LogMode(logger, settings.Exchange.Environment.ToString().ToLowerInvariant(), mode.ToString().ToLowerInvariant());
                var runner = new TradingRunner(settings, mode, TimeProvider.System, loggers, freshStart) { Recorder = recorder };
                started?.Invoke(runner);
                var exitCode = await runner.RunAsync(ct);
                if (exitCode != ExitCodes.Ok)
                {
                    LogStopped(logger);
                    return exitCode;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (StartupException ex)
        {
            LogStartupFailed(logger, ex.Message);
            return ExitCodes.Failure;
        }

        LogStopped(logger);
        return ExitCodes.Ok;
    }

    // MODE=sim, or MODE=auto without API keys and without a server of the user's choosing: the bot's own exchange.
    internal static async Task<SimulatorServer?> StartSimulatorIfNeededAsync(BotSettings settings, ILoggerFactory loggers, CancellationToken ct)
    {
        var wanted = settings.Trading.Mode switch
        {
            TradingMode.Sim => true,
            TradingMode.Auto => !settings.HasApiKeys && settings.Exchange.RestUrl is null && settings.Exchange.WsUrl is null,
            _ => false, // live and paper read Bybit's market
        };
        if (!wanted)
        {
            return null;
        }

        return await SimulatorServer.StartAsync(new SimulatorOptions { Symbols = settings.MarketData.Symbols }, loggers: loggers, ct: ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "no API keys: running against the embedded Bybit simulator at {Url} (synthetic market, no real money, a new exchange each run, so the saved state is not loaded); set BYBIT_API_KEY and BYBIT_API_SECRET to use Bybit")]
    private static partial void LogSimulator(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "arbbot run on Bybit {Environment}: {Mode}")]
    private static partial void LogMode(ILogger logger, string environment, string mode);

    [LoggerMessage(Level = LogLevel.Critical, Message = "cannot trade: {Reason}")]
    private static partial void LogStartupFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogRecorded(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopped")]
    private static partial void LogStopped(ILogger logger);
}
