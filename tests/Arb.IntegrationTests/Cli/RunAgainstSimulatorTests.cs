using Arb.Cli.Commands;
using Arb.Cli.Trading;
using Arb.Cli.Settings;
using Arb.Domain.Market;
using Arb.IntegrationTests.Support;
using Microsoft.Extensions.Logging;

namespace Arb.IntegrationTests.Cli;

public sealed class RunAgainstSimulatorTests
{
    [Fact]
    public async Task Without_api_keys_run_starts_the_embedded_simulator_says_so_and_trades_on_it()
    {
        var logsDirectory = Path.Combine(Path.GetTempPath(), "arb-run-" + Guid.NewGuid().ToString("N"));
        var settings = SettingsLoader.Load(
            new Dictionary<string, string?>
            {
                ["SYMBOLS"] = "BTCUSDT,ETHUSDT",
                ["TRADES_LOG"] = Path.Combine(logsDirectory, "trades.csv"),
                ["PNL_LOG"] = Path.Combine(logsDirectory, "pnl.csv"),
                ["PROM_PORT"] = "0",
                ["STATE_FILE"] = Path.Combine(logsDirectory, "state.json"),
                ["STATE_BACKUP_FILE"] = Path.Combine(logsDirectory, "state.bak.json"),
            },
            dotEnvPath: null);
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        TradingRunner? runner = null;
        using var stop = new CancellationTokenSource();
        var running = RunCommand.RunAsync(settings, loggers, stop.Token, r => runner = r);

        var streaming = await Eventually.TrueAsync(
            () => runner?.Pipeline is { } p
                && new[] { "BTCUSDT", "ETHUSDT" }.All(s => p.Processor.FindBook(MarketCategory.Spot, s)!.IsValid && p.Processor.FindBook(MarketCategory.Linear, s)!.IsValid)
                && logs.Lines.Count(l => l.Contains(" tick ", StringComparison.Ordinal)) == 4,
            TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        var exitCode = await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(streaming, string.Join('\n', logs.Lines));
        Assert.True(File.Exists(Path.Combine(logsDirectory, "trades.csv")), "trades.csv was not created");
        Assert.True(File.Exists(Path.Combine(logsDirectory, "state.json")), "the state was not saved");
        Directory.Delete(logsDirectory, recursive: true);
        Assert.Equal(0, exitCode);
        var first = logs.Lines.First();
        Assert.Contains("no API keys: running against the embedded Bybit simulator at http://127.0.0.1:", first, StringComparison.Ordinal);
        // The instrument check found every symbol on both markets with the simulator's real shapes.
        Assert.Contains(logs.Lines, l => l.Contains("BTCUSDT linear: tick 0.10, qty step 0.001, min qty 0.001, min notional 5, funding interval 480 min", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("ETHUSDT spot: tick 0.01", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("exchange clock offset", StringComparison.Ordinal));
        // It trades the simulator's sandbox account with the account's own fee rates.
        Assert.Contains(logs.Lines, l => l.Contains("BTCUSDT: taker fees spot 0.1%, perp 0.055%; spot coin held 1;", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("trading (sim) BTCUSDT,ETHUSDT", StringComparison.Ordinal));
    }
}
