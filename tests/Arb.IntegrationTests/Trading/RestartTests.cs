using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.IntegrationTests.Support;
using Arb.Simulator;
using Arb.Simulator.Auth;
using Arb.Simulator.Market;

namespace Arb.IntegrationTests.Trading;

/// <summary>
/// Restarting the bot on the same files: it resumes the positions it holds, equal to the exchange's, books nothing
/// twice, keeps the risk peak, and survives a bad state file (backup, or --fresh-start when both are bad).
/// </summary>
public sealed class RestartTests
{
    private const string Symbol = "BTCUSDT";

    [Fact]
    public async Task A_restart_resumes_the_position_equal_to_the_exchange_with_every_fill_written_once_and_the_peak_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bot = await StartAsync(null, ct);
        var startBtc = BotAgainstSimulator.StartingBalance("BTC");
        await bot.WaitForAsync(e => e.Executions >= 1 && HeldPerp(bot) != 0m, TimeSpan.FromSeconds(60), "an open position");
        await bot.HaltAndDrainAsync(ct);
        var peak = bot.Engine.Risk!.PeakPnlUsd;

        await bot.RestartAsync();

        AssertBooksMatchExchange(bot, startBtc);
        Assert.True(bot.Engine.Risk!.PeakPnlUsd >= peak);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("state loaded from the main file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fill_made_while_the_bot_was_down_is_recovered_from_the_exchange_and_written_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bot = await StartAsync(null, ct);
        var startBtc = BotAgainstSimulator.StartingBalance("BTC");
        await bot.WaitForAsync(e => e.Executions >= 1 && HeldPerp(bot) != 0m, TimeSpan.FromSeconds(60), "an open position");
        await bot.StopAsync();

        using var http = new HttpClient();
        var rest = SandboxRest(bot, http);
        // Both legs of a pair of the bot's that reached the exchange just before it died, with no trace in its files
        // (hedged, so the restarted bot has nothing to rebalance and holds still while it is checked).
        await rest.Trading.PlaceOrderAsync(
            new OrderRequest(MarketCategory.Spot, Symbol, TradeSide.Buy, OrderType.Market, 0.002m, "arb-lost-1s", MarketUnit: MarketUnit.BaseCoin), ct);
        await rest.Trading.PlaceOrderAsync(new OrderRequest(MarketCategory.Linear, Symbol, TradeSide.Sell, OrderType.Market, 0.002m, "arb-lost-1p"), ct);

        await bot.RestartAsync();

        AssertBooksMatchExchange(bot, startBtc);
        Assert.Single(TradeRow.ReadAll(bot.TradesLog), r => r.OrderLinkId == "arb-lost-1s");
        Assert.Single(TradeRow.ReadAll(bot.TradesLog), r => r.OrderLinkId == "arb-lost-1p");
        Assert.Contains(bot.Logs.Lines, l => l.Contains("happened while the bot was down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_position_found_unhedged_at_start_up_is_closed_on_both_legs_and_trading_resumes_hedged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bot = await StartAsync(null, ct);
        await bot.WaitForAsync(e => e.Executions >= 1 && HeldPerp(bot) != 0m, TimeSpan.FromSeconds(60), "an open position");
        await bot.StopAsync();

        // The bot died between its legs: one more perp sale that no spot purchase matches.
        using var http = new HttpClient();
        var rest = SandboxRest(bot, http);
        await rest.Trading.PlaceOrderAsync(new OrderRequest(MarketCategory.Linear, Symbol, TradeSide.Sell, OrderType.Market, 0.005m, "arb-lost-2p"), ct);

        await bot.RestartAsync();

        Assert.Contains(bot.Logs.Lines, l => l.Contains("is unhedged", StringComparison.Ordinal));
        await bot.WaitForAsync(
            e => e.Executions >= 2 && e.Traders.All(t => t.InFlight == 0) && HeldPerp(bot) != 0m
                && Math.Abs(bot.Booked(Symbol).Spot + HeldPerp(bot)) < 0.001m,
            TimeSpan.FromSeconds(60),
            "closed, then a new hedged position");
        await bot.HaltAndDrainAsync(ct);
        Assert.Equal(bot.Position(Symbol), HeldPerp(bot));
    }

    [Fact]
    public async Task A_corrupt_state_file_loads_the_backup_and_alerts_and_both_corrupt_refuse_to_start_until_fresh_start()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var bot = await StartAsync(telegram, ct);
        var startBtc = BotAgainstSimulator.StartingBalance("BTC");
        await bot.WaitForAsync(e => e.Executions >= 1 && HeldPerp(bot) != 0m, TimeSpan.FromSeconds(60), "an open position");
        await bot.HaltAndDrainAsync(ct);
        await bot.StopAsync();
        var main = Path.Combine(bot.Directory, "state.json");
        var backup = Path.Combine(bot.Directory, "state.bak.json");
        Assert.True(File.Exists(backup), "no backup was kept");

        File.WriteAllText(main, "{\"schemaVersion\": 1, \"savedAt\": "); // cut short
        await bot.RestartAsync();

        AssertBooksMatchExchange(bot, startBtc);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("state recovered from the backup", StringComparison.Ordinal));
        await bot.StopAsync();
        Assert.Contains(telegram.Requests, r => r.Body.Contains("state file recovered from the backup", StringComparison.Ordinal));

        File.WriteAllText(main, "garbage");
        File.WriteAllText(backup, "");
        var refused = await bot.RestartAsync(expectRunning: false);

        Assert.Equal(1, refused);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("--fresh-start", StringComparison.Ordinal) && l.Contains(main, StringComparison.Ordinal));

        await bot.RestartAsync(freshStart: true);

        // The exchange's perp is adopted, and the spot coin taken as its hedge.
        Assert.Equal(bot.Position(Symbol), HeldPerp(bot));
        Assert.Equal(-bot.Position(Symbol), bot.Booked(Symbol).Spot);
    }

    // Always willing to open, never to close: one position, held across restarts.
    private static Task<BotAgainstSimulator> StartAsync(FakeTelegramServer? telegram, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ENTRY_EDGE_BPS"] = "-100",
            ["EXIT_EDGE_BPS"] = "1000",
            ["TRADE_COOLDOWN_SEC"] = "0",
            ["ALLOW_REVERSE"] = "false",
            ["STATE_SAVE_SEC"] = "0.5",
        };
        if (telegram is not null)
        {
            settings["TELEGRAM_BOT_TOKEN"] = "123456:test-token";
            settings["TELEGRAM_CHAT_ID"] = "42";
            settings["TELEGRAM_API_URL"] = telegram.BaseUri.ToString();
        }

        return BotAgainstSimulator.StartAsync(
            new SimulatorOptions { Symbols = [Symbol], Market = new SimMarketOptions { AnnualVolatility = 0.01, DislocationsPerHour = 0, BasisNoiseBps = 0.05 } },
            settings,
            ct);
    }

    // The bot's own account, reached directly: to place orders "the bot sent just before it died".
    private static BybitRestClient SandboxRest(BotAgainstSimulator bot, HttpClient http) =>
        new(http, new BybitRestOptions(bot.Simulator.RestUri)
        {
            Credentials = new ApiCredentials(SimCredentials.Sandbox.ApiKey, SimCredentials.Sandbox.ApiSecret),
        }, TimeProvider.System);

    private static decimal HeldPerp(BotAgainstSimulator bot) => bot.Booked(Symbol).Perp;

    private static void AssertBooksMatchExchange(BotAgainstSimulator bot, decimal startBtc)
    {
        var (spot, perp) = bot.Booked(Symbol);
        Assert.Equal(bot.Position(Symbol), perp);
        Assert.Equal(bot.Balance("BTC") - startBtc, spot);
        var rows = TradeRow.ReadAll(bot.TradesLog);
        Assert.Equal(rows.Count, rows.Select(r => r.ExecId).Distinct().Count());
        Assert.Equal(bot.Trades().Select(e => e.ExecId).Order(StringComparer.Ordinal), rows.Select(r => r.ExecId).Order(StringComparer.Ordinal));
    }
}
