using System.CommandLine;
using Arb.Cli.Run;
using Arb.Cli.Settings;
using Arb.Simulator;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Commands;

/// <summary><c>arbbot run</c>: the bot.</summary>
internal static partial class RunCommand
{
    public static Command Create()
    {
        var command = new Command(
            "run",
            "Run the bot with the settings from the environment and .env. Without API keys (and without BYBIT_REST_URL / " +
            "BYBIT_WS_URL) it starts the embedded Bybit simulator and runs against it. For now it streams the spot and " +
            "perpetual order books of SYMBOLS and logs top of book, basis and funding; order execution arrives with the " +
            "trading engine. Ctrl+C stops it cleanly.");
        command.SetAction((_, ct) => RunAsync(Console.Error, ct));
        return command;
    }

    internal static async Task<int> RunAsync(TextWriter errors, CancellationToken ct)
    {
        if (!SettingsGate.TryLoad(errors, out var settings))
        {
            return ExitCodes.BadConfiguration;
        }

        using var loggers = ConsoleLogging.Create(settings.Engine.LogLevel);
        return await RunAsync(settings, loggers, ct);
    }

    /// <summary>The bot with validated settings, until <paramref name="ct"/> is cancelled.</summary>
    internal static async Task<int> RunAsync(BotSettings settings, ILoggerFactory loggers, CancellationToken ct, Action<MarketDataRunner>? started = null)
    {
        var logger = loggers.CreateLogger("arbbot");
        await using var simulator = await StartSimulatorIfNeededAsync(settings, loggers, ct);
        if (simulator is not null)
        {
            settings = settings with { Exchange = settings.Exchange with { RestUrl = simulator.RestUri, WsUrl = simulator.WebSocketUri } };
            LogSimulator(logger, simulator.RestUri.ToString());
        }
        else
        {
            LogMode(logger, settings.Exchange.Environment.ToString().ToLowerInvariant(), settings.HasApiKeys
                ? "API keys present; order execution arrives with the trading engine, so this run only watches the market"
                : "no API keys, custom BYBIT_REST_URL / BYBIT_WS_URL: watching market data only");
        }

        try
        {
            var runner = new MarketDataRunner(settings, TimeProvider.System, loggers);
            started?.Invoke(runner);
            await runner.RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        LogStopped(logger);
        return ExitCodes.Ok;
    }

    // MODE=sim, or MODE=auto without API keys and without a server of the user's choosing: the bot's own exchange.
    private static async Task<SimulatorServer?> StartSimulatorIfNeededAsync(BotSettings settings, ILoggerFactory loggers, CancellationToken ct)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "no API keys: running against the embedded Bybit simulator at {Url} (synthetic market, no real money); set BYBIT_API_KEY and BYBIT_API_SECRET to use Bybit")]
    private static partial void LogSimulator(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "arbbot run on Bybit {Environment}: {Mode}")]
    private static partial void LogMode(ILogger logger, string environment, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopped")]
    private static partial void LogStopped(ILogger logger);
}
