using Arb.Cli.Backtest;
using Arb.Cli.Settings;
using Arb.Engine.Backtest;
using Arb.Engine.Trading;
using Arb.IntegrationTests.Support;
using Arb.Simulator;
using Arb.Simulator.Market;

namespace Arb.IntegrationTests.Backtest;

/// <summary>
/// Parity between modes: the bot trades the simulator while recording the quotes it decides on (<c>run --record</c>),
/// then the backtester replays that recording with the same settings. Both must take the same decisions: the same
/// orders, in the same order, for the same quantities, at the same decided net edge.
/// </summary>
public sealed class LiveBacktestParityTests : IDisposable
{
    private const string Symbol = "BTCUSDT";
    private readonly string _dir = Directory.CreateTempSubdirectory("arb-parity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_sim_run_replayed_from_its_recording_gives_the_same_trades_in_the_backtester()
    {
        var ct = TestContext.Current.CancellationToken;
        var recording = Path.Combine(_dir, "recording");
        BotSettings settings;
        string liveTrades;
        await using (var bot = await StartAsync(recording, ct))
        {
            await bot.WaitForAsync(e => e.Trader(Symbol).Status(0).State == SymbolTradingState.Active, TimeSpan.FromSeconds(30), "warm books");
            for (var round = 1; round <= 2; round++)
            {
                // The perp jumps 90 bps over spot (an open), then the basis decays back (a close).
                Assert.True(bot.Simulator.Dislocate(Symbol, 90));
                var expected = 2 * round;
                await bot.WaitForAsync(e => e.Executions >= expected && e.Trader(Symbol).IsFlatAndIdle, TimeSpan.FromSeconds(40), $"round trip {round}");
            }

            settings = bot.Settings;
            liveTrades = bot.TradesLog;
            await bot.StopAsync();
            File.Copy(liveTrades, liveTrades = Path.Combine(_dir, "live-trades.csv"));
        }

        var backtestDir = Path.Combine(_dir, "backtest");
        var options = BacktestSetup.Create(settings, [Symbol], new BacktestRunOptions { OutDirectory = backtestDir });
        Directory.CreateDirectory(backtestDir);
        var files = Directory.GetFiles(recording, "quotes-*.csv").Order(StringComparer.Ordinal).ToList();
        var report = new BacktestRun(options).Run(new QuoteCsvReader().ReadFiles(files), ct: ct);

        var live = Decisions(liveTrades);
        var replayed = Decisions(Path.Combine(backtestDir, "trades.csv"));
        Assert.True(live.Count >= 4, $"the live run took {live.Count} decisions, expected two round trips");
        Assert.Equal(live, replayed);
        Assert.Equal(2, report.Total.RoundTrips);
    }

    // What a decision fixes, per decision in the order they were taken (the client id's sequence number): the net
    // edge it was taken at and, per leg, the side and the quantity filled. Fills of one decision may reach trades.csv
    // in either leg's order live (they come from the private stream), so legs are compared as a set.
    private static List<string> Decisions(string tradesCsv)
    {
        var lines = File.ReadAllLines(tradesCsv);
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var (symbol, side, category, qty, edge, link) = (Column("symbol"), Column("side"), Column("category"), Column("qty"), Column("edge"), Column("order_link_id"));
        return [.. lines.Skip(1).Select(l => l.Split(','))
            .GroupBy(f => long.Parse(f[link][(f[link].LastIndexOf('-') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key)
            .Select(g => string.Join(
                ' ',
                g.First()[symbol],
                g.First()[edge],
                string.Join(';', g.GroupBy(f => (Category: f[category], Side: f[side]))
                    .OrderBy(leg => leg.Key.Category, StringComparer.Ordinal)
                    .Select(leg => $"{leg.Key.Category} {leg.Key.Side} {leg.Sum(f => decimal.Parse(f[qty], System.Globalization.CultureInfo.InvariantCulture))}"))))];
    }

    private static Task<BotAgainstSimulator> StartAsync(string recording, CancellationToken ct) =>
        BotAgainstSimulator.StartAsync(
            new SimulatorOptions
            {
                Symbols = [Symbol],
                Market = new SimMarketOptions
                {
                    AnnualVolatility = 0.01,
                    DislocationsPerHour = 0,
                    BasisNoiseBps = 0.05,
                    BasisHalfLife = TimeSpan.FromSeconds(2),
                },
            },
            new Dictionary<string, string?>
            {
                ["ENTRY_EDGE_BPS"] = "20",
                ["EXIT_EDGE_BPS"] = "-30",
                ["TRADE_COOLDOWN_SEC"] = "1",
                ["ALLOW_REVERSE"] = "false",
                ["MAX_POSITION_USD"] = "300", // a size the top level always holds: the recording keeps only the top of each book
                ["HOLDING_HORIZON_SEC"] = "0", // tickers reach the recording on the next perp row, a moment after the engine
            },
            ct,
            recordTo: recording);
}
