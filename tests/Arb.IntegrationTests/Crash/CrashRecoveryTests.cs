using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.Engine.Journals;
using Arb.Engine.State;
using Arb.IntegrationTests.Support;
using Arb.Simulator.Auth;

namespace Arb.IntegrationTests.Crash;

/// <summary>
/// The crash test: the real bot trades against a standalone simulator process and is killed with SIGKILL at random
/// moments, twenty times. After each kill it is started again (first only to reconcile, then to trade on) and the
/// files it left must agree with the exchange: the state (or its backup) loads, positions equal the simulator's,
/// every fill the simulator made is in trades.csv exactly once, no client order id was used twice, and the
/// relative-drawdown peak never went backwards.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const string Symbol = "BTCUSDT";
    private const int Kills = 20;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arb-crash-" + Guid.NewGuid().ToString("N"));

    public CrashRecoveryTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Killed_twenty_times_at_random_the_bot_never_loses_or_invents_a_position_or_a_fill()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sim = ArbbotProcess.Start(["sim", "--port", "0", "--symbols", Symbol, "--seed", "5"], new Dictionary<string, string?>(), _dir);
        var restUrl = (await sim.WaitForLineAsync("BYBIT_REST_URL=", TimeSpan.FromSeconds(30))).Split('=')[1].Trim();
        var wsUrl = (await sim.WaitForLineAsync("BYBIT_WS_URL=", TimeSpan.FromSeconds(5))).Split('=')[1].Trim();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var exchange = new BybitRestClient(http, new BybitRestOptions(new Uri(restUrl))
        {
            Credentials = new ApiCredentials(SimCredentials.Sandbox.ApiKey, SimCredentials.Sandbox.ApiSecret),
        }, TimeProvider.System);
        var startBtc = await BtcAsync(exchange, ct);
        var store = new StateStore(Path.Combine(_dir, "state.json"), Path.Combine(_dir, "state.bak.json"));
        var random = new Random(20261125);
        var peak = 0m;
        var logs = new List<string>();

        for (var kill = 1; kill <= Kills; kill++)
        {
            // Trade: open at any edge, close at once, save often, and die at a random moment.
            using (var bot = ArbbotProcess.Start(["run"], Environment(restUrl, wsUrl, trade: true), _dir))
            {
                await bot.WaitForLineAsync("trading (live)", TimeSpan.FromSeconds(30));
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2_500)), ct);
                bot.KillHard();
                logs.AddRange(bot.Lines);
            }

            _ = store.Load(); // what the kill left loads (the main file, or the backup), or this throws

            // Restart without trading: reconcile, save, stop as an operator would.
            using (var check = ArbbotProcess.Start(["run"], Environment(restUrl, wsUrl, trade: false), _dir))
            {
                await check.WaitForLineAsync("trading (live)", TimeSpan.FromSeconds(30));
                Assert.Equal(0, await check.TerminateAsync(TimeSpan.FromSeconds(30)));
                logs.AddRange(check.Lines);
            }

            var state = store.Load().State ?? throw new InvalidOperationException($"kill {kill}: no state after a clean stop");
            var saved = state.Symbols.Single(s => s.Symbol == Symbol);
            var (position, btc) = (await PositionAsync(exchange, ct), await BtcAsync(exchange, ct));
            Assert.True(position == saved.Perp.Quantity, $"kill {kill}: perp booked {saved.Perp.Quantity}, exchange {position}");
            Assert.True(btc - startBtc == saved.Spot.Quantity, $"kill {kill}: spot booked {saved.Spot.Quantity}, exchange {btc - startBtc}");

            var fills = await FillsAsync(exchange, ct);
            var lines = File.ReadAllLines(Path.Combine(_dir, "trades.csv"));
            foreach (var fill in fills)
            {
                var count = lines.Count(l => l.Contains(fill.ExecId, StringComparison.Ordinal));
                Assert.True(count == 1, $"kill {kill}: exec {fill.ExecId} ({fill.OrderLinkId}) is in trades.csv {count} times");
            }

            Assert.Equal(fills.Count, TradeJournalReader.Read(Path.Combine(_dir, "trades.csv")).Fills.Count);

            // One client id, one order: the exchange never saw an id twice (it would have refused the second).
            Assert.All(fills.GroupBy(f => f.OrderLinkId), g => Assert.Single(g.Select(f => f.OrderLinkId + "|" + f.Category).Distinct()));
            Assert.DoesNotContain(logs, l => l.Contains("rejected: 110072", StringComparison.Ordinal) || l.Contains("rejected: 170141", StringComparison.Ordinal));

            Assert.True(state.Risk.PeakPnlUsd >= peak, $"kill {kill}: the peak went back from {peak} to {state.Risk.PeakPnlUsd}");
            peak = state.Risk.PeakPnlUsd;
        }

        Assert.True((await FillsAsync(exchange, ct)).Count >= 2 * Kills, "the bot hardly traded: the kills tested little");
    }

    private Dictionary<string, string?> Environment(string restUrl, string wsUrl, bool trade) => new()
    {
        ["MODE"] = "live",
        ["BYBIT_REST_URL"] = restUrl,
        ["BYBIT_WS_URL"] = wsUrl,
        ["BYBIT_API_KEY"] = SimCredentials.Sandbox.ApiKey,
        ["BYBIT_API_SECRET"] = SimCredentials.Sandbox.ApiSecret,
        ["SYMBOLS"] = Symbol,
        ["STATE_FILE"] = Path.Combine(_dir, "state.json"),
        ["STATE_BACKUP_FILE"] = Path.Combine(_dir, "state.bak.json"),
        ["TRADES_LOG"] = Path.Combine(_dir, "trades.csv"),
        ["PNL_LOG"] = Path.Combine(_dir, "pnl.csv"),
        ["STATE_SAVE_SEC"] = "0.1",
        ["BASIS_VOL_WINDOW"] = "10",
        ["ENTRY_EDGE_BPS"] = trade ? "-100" : "1000",
        ["EXIT_EDGE_BPS"] = trade ? "-1000" : "1000",
        ["TRADE_COOLDOWN_SEC"] = "0.1",
        ["ALLOW_REVERSE"] = "false",
        ["MAX_DRAWDOWN_USD"] = "1000000",
        ["MAX_RELATIVE_DRAWDOWN_USD"] = "1000000",
        ["MAX_SYMBOL_DRAWDOWN_USD"] = "1000000",
        ["MAX_SYMBOL_REL_DRAWDOWN_USD"] = "1000000",
        ["DAILY_DRAWDOWN_USD"] = "1000000",
        ["MAX_CONSECUTIVE_LOSSES"] = "1000000",
        ["MAX_DAILY_TRADES"] = "1000000",
        ["ERROR_LIMIT"] = "1000",
        ["LOG_LEVEL"] = "information",
        ["PROM_PORT"] = "0",
    };

    private static async Task<decimal> BtcAsync(BybitRestClient exchange, CancellationToken ct) =>
        (await exchange.Account.GetWalletBalanceAsync(["BTC"], ct)).Find("BTC")?.WalletBalance ?? 0m;

    private static async Task<decimal> PositionAsync(BybitRestClient exchange, CancellationToken ct) =>
        (await exchange.Positions.GetPositionsAsync(Symbol, ct)).Where(p => p.Symbol == Symbol).Sum(p => p.Size);

    private static async Task<IReadOnlyList<Arb.Domain.Trading.Fill>> FillsAsync(BybitRestClient exchange, CancellationToken ct)
    {
        var spot = await exchange.Trading.GetExecutionsAsync(MarketCategory.Spot, Symbol, ct: ct);
        var linear = await exchange.Trading.GetExecutionsAsync(MarketCategory.Linear, Symbol, ct: ct);
        return [.. spot.Fills, .. linear.Fills];
    }
}
