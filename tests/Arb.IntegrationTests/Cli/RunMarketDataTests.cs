using Arb.Cli.Run;
using Arb.Cli.Settings;
using Arb.Domain.Market;
using Arb.IntegrationTests.Support;
using Microsoft.Extensions.Logging;

namespace Arb.IntegrationTests.Cli;

public sealed class RunMarketDataTests
{
    [Fact]
    public async Task Run_streams_both_markets_from_BYBIT_WS_URL_and_reports_top_of_book_and_basis()
    {
        await using var server = await FakeBybitStreamServer.StartAsync((_, _, _) => StreamBehaviour.Stream);
        var settings = SettingsLoader.Load(
            new Dictionary<string, string?>
            {
                ["BYBIT_WS_URL"] = server.BaseUri.ToString(),
                ["BYBIT_REST_URL"] = "http://127.0.0.1:1", // nothing listens: the instrument check must not stop streaming
                ["SYMBOLS"] = "BTCUSDT",
            },
            dotEnvPath: null);
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        var runner = new MarketDataRunner(settings, TimeProvider.System, loggers) { SummaryInterval = TimeSpan.FromMilliseconds(100) };
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);

        var summarised = await Eventually.TrueAsync(
            () => logs.Lines.Any(l => l.Contains("BTCUSDT spot 75848.74 x ", StringComparison.Ordinal) && l.Contains("| perp 71423.80 x ", StringComparison.Ordinal))
                && logs.Lines.Any(l => l.Contains("instrument check skipped", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(summarised, "no summary line with both books:\n" + string.Join('\n', logs.Lines));
        Assert.True(runner.Pipeline!.Processor.FindBook(MarketCategory.Spot, "BTCUSDT")!.IsValid);
        Assert.True(runner.Pipeline.Processor.FindBook(MarketCategory.Linear, "BTCUSDT")!.IsValid);
        Assert.Contains(logs.Lines, l => l.Contains("instrument check skipped, REST unreachable", StringComparison.Ordinal));
        // The recorded spot (75848.74/75848.75) and perp (71423.80/71423.90) mids are about -583.2 bps apart.
        Assert.Contains(logs.Lines, l => l.Contains("basis -583.", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("spot stream: ", StringComparison.Ordinal) && l.Contains(" 0 malformed", StringComparison.Ordinal));
    }
}
