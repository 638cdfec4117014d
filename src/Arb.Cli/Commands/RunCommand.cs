using System.CommandLine;
using Arb.Cli.Run;
using Arb.Cli.Settings;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Commands;

/// <summary><c>arbbot run</c>: the bot.</summary>
internal static partial class RunCommand
{
    public static Command Create()
    {
        var command = new Command(
            "run",
            "Run the bot with the settings from the environment and .env. For now it streams the spot and perpetual " +
            "order books of SYMBOLS from BYBIT_ENV (or BYBIT_WS_URL) and logs top of book, basis and funding; " +
            "Ctrl+C stops it cleanly.");
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
        var logger = loggers.CreateLogger("arbbot");
        LogMode(logger, settings.Exchange.Environment.ToString().ToLowerInvariant(), settings.HasApiKeys
            ? "API keys present; order execution arrives with the trading engine, so this run only watches the market"
            : "no API keys: watching public market data only (the embedded simulator becomes the default once it exists)");

        try
        {
            await new MarketDataRunner(settings, TimeProvider.System, loggers).RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        LogStopped(logger);
        return ExitCodes.Ok;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "arbbot run on Bybit {Environment}: {Mode}")]
    private static partial void LogMode(ILogger logger, string environment, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopped")]
    private static partial void LogStopped(ILogger logger);
}
