using Arb.Cli;
using Arb.Engine.Risk;
using Arb.IntegrationTests.Support;
using Arb.Simulator;
using Arb.Simulator.Market;

namespace Arb.IntegrationTests.Trading;

/// <summary>
/// A risk limit reached against the simulator: the bot closes every position, tells its owner (here a stand-in for
/// the Telegram API), and exits with the documented code.
/// </summary>
public sealed class RiskStopTests
{
    private const string Symbol = "BTCUSDT";

    [Fact]
    public async Task MAX_DRAWDOWN_USD_reached_closes_everything_alerts_and_exits_with_code_3()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramServer.StartAsync();
        // Any open pays about 1.5 USD of fees: past a 0.50 USD drawdown at once.
        await using var bot = await StartAsync(telegram, new() { ["MAX_DRAWDOWN_USD"] = "0.5", ["EXIT_EDGE_BPS"] = "1000" }, ct);

        var exitCode = await bot.ExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.RiskStop, exitCode);
        AssertFlat(bot);
        Assert.Equal(1, bot.Engine.Risk!.ViolationCount(RiskRule.MaxDrawdown));
        Assert.Equal(TradingState.Halted, bot.Engine.Risk.State);
        AssertAlerted(telegram, "risk stop: max_drawdown");
    }

    [Fact]
    public async Task MAX_CONSECUTIVE_LOSSES_reached_by_losing_round_trips_stops_the_bot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramServer.StartAsync();
        // Open at any edge and close at once: each round trip loses its fees.
        await using var bot = await StartAsync(telegram, new() { ["MAX_CONSECUTIVE_LOSSES"] = "2", ["EXIT_EDGE_BPS"] = "-1000" }, ct);

        var exitCode = await bot.ExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.RiskStop, exitCode);
        AssertFlat(bot);
        Assert.Equal(1, bot.Engine.Risk!.ViolationCount(RiskRule.MaxConsecutiveLosses));
        AssertAlerted(telegram, "risk stop: max_consecutive_losses");
    }

    [Fact]
    public async Task ERROR_LIMIT_reached_by_orders_the_exchange_refuses_stops_the_bot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var bot = await StartAsync(
            telegram, new() { ["ERROR_LIMIT"] = "2", ["EXIT_EDGE_BPS"] = "1000" }, ct, sim => sim.OrderFaults.RejectNext(2));

        var exitCode = await bot.ExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.RiskStop, exitCode);
        AssertFlat(bot);
        Assert.Equal(1, bot.Engine.Risk!.ViolationCount(RiskRule.ErrorLimit));
        AssertAlerted(telegram, "risk stop: error_limit");
    }

    [Theory]
    [InlineData("MAX_SYMBOL_DRAWDOWN_USD", "max_symbol_drawdown", RiskRule.MaxSymbolDrawdown)]
    [InlineData("MAX_RELATIVE_DRAWDOWN_USD", "max_relative_drawdown", RiskRule.MaxRelativeDrawdown)]
    [InlineData("MAX_SYMBOL_REL_DRAWDOWN_USD", "max_symbol_rel_drawdown", RiskRule.MaxSymbolRelDrawdown)]
    public async Task A_drawdown_limit_reached_by_the_fees_of_an_open_stops_the_bot(string setting, string label, RiskRule rule)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramServer.StartAsync();
        // Only the limit under test is small; the rules checked before it are far away.
        var settings = new Dictionary<string, string?>
        {
            ["MAX_DRAWDOWN_USD"] = "100000",
            ["MAX_RELATIVE_DRAWDOWN_USD"] = "100000",
            ["MAX_SYMBOL_DRAWDOWN_USD"] = "100000",
            ["MAX_SYMBOL_REL_DRAWDOWN_USD"] = "100000",
            ["EXIT_EDGE_BPS"] = "1000",
        };
        settings[setting] = "0.5";
        await using var bot = await StartAsync(telegram, settings, ct);

        var exitCode = await bot.ExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.RiskStop, exitCode);
        AssertFlat(bot);
        Assert.Equal(1, bot.Engine.Risk!.ViolationCount(rule));
        AssertAlerted(telegram, "risk stop: " + label);
    }

    [Fact]
    public async Task MAX_PROFIT_USD_reached_after_a_dislocation_is_taken_stops_the_bot_with_the_profit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var bot = await StartAsync(
            telegram,
            new() { ["MAX_PROFIT_USD"] = "1", ["ENTRY_EDGE_BPS"] = "20", ["EXIT_EDGE_BPS"] = "-30" },
            ct,
            halfLife: TimeSpan.FromSeconds(2));
        await bot.WaitForAsync(e => e.Trader(Symbol).Status(0).State == Arb.Engine.Trading.SymbolTradingState.Active, TimeSpan.FromSeconds(30), "warm books");
        Assert.Equal(0, bot.Engine.Executions); // a calm market gives nothing to take

        Assert.True(bot.Simulator.Dislocate(Symbol, 90)); // the perp jumps 90 bps over spot, then reverts

        var exitCode = await bot.ExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.RiskStop, exitCode);
        AssertFlat(bot);
        Assert.Equal(1, bot.Engine.Risk!.ViolationCount(RiskRule.MaxProfit));
        // The target is reached on the session PnL, marks included; closing then pays its fees, so the realized
        // result can land on either side of the target: what matters is that the stop names it.
        Assert.Contains("MAX_PROFIT_USD", bot.Engine.Risk.Stop!.Message, StringComparison.Ordinal);
        Assert.True(bot.Engine.Trader(Symbol).Read(t => t.Portfolio.Perp.Realized) > 0m, "the perp leg did not gain from the basis coming back");
        AssertAlerted(telegram, "risk stop: max_profit");
    }

    [Fact]
    public async Task DAILY_DRAWDOWN_USD_reached_pauses_new_positions_for_the_day_without_stopping_and_alerts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramServer.StartAsync();
        // Open at any edge, close at once: the fees of the first round trip pass the 0.5 USD daily limit.
        await using var bot = await StartAsync(telegram, new() { ["DAILY_DRAWDOWN_USD"] = "0.5", ["EXIT_EDGE_BPS"] = "-1000" }, ct);

        await bot.WaitForAsync(e => e.Risk!.Pause is not null && e.Traders.All(t => t.IsFlatAndIdle), TimeSpan.FromSeconds(60), "the daily pause, flat");
        var executions = bot.Engine.Executions;
        await Task.Delay(TimeSpan.FromSeconds(2), ct);

        Assert.Equal(executions, bot.Engine.Executions); // no new position while paused
        Assert.Equal(TradingState.Active, bot.Engine.Risk!.State); // a pause, not a stop
        Assert.Equal(1, bot.Engine.Risk.ViolationCount(RiskRule.DailyDrawdown));
        Assert.Equal(0, await bot.StopAsync());
        AssertFlat(bot);
        AssertAlerted(telegram, "daily_drawdown");
    }

    [Fact]
    public async Task MAX_DAILY_TRADES_reached_pauses_the_symbol_for_the_day()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramServer.StartAsync();
        // Open at any edge and close at once: two trades use up the day.
        await using var bot = await StartAsync(telegram, new() { ["MAX_DAILY_TRADES"] = "2", ["EXIT_EDGE_BPS"] = "-1000" }, ct);

        await bot.WaitForAsync(e => e.Executions >= 2 && e.Traders.All(t => t.InFlight == 0), TimeSpan.FromSeconds(60), "two trades done");
        await Task.Delay(TimeSpan.FromSeconds(2), ct);

        Assert.Equal(2, bot.Engine.Executions); // nothing more today, whatever the two trades did
        var status = bot.Engine.Status().Symbols.Single();
        Assert.Equal((Arb.Engine.Trading.SymbolTradingState.PausedForDay, 2), (status.State, status.TradesToday));
        Assert.Equal(TradingState.Active, bot.Engine.Risk!.State);
        Assert.Equal(0, await bot.StopAsync());
    }

    [Fact]
    public async Task A_stop_that_cannot_close_the_positions_does_not_loop_it_alerts_with_them_and_exits_with_code_3()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var bot = await StartAsync(
            telegram, new() { ["ERROR_LIMIT"] = "2", ["EXIT_EDGE_BPS"] = "1000" }, ct, configure: r => r.StopCloseTimeout = TimeSpan.FromSeconds(3));
        await bot.WaitForAsync(e => e.Executions >= 1 && bot.Booked(Symbol).Perp != 0m, TimeSpan.FromSeconds(60), "an open position");

        bot.Simulator.PauseQuotes(TimeSpan.FromSeconds(60)); // no book moves: nothing can be closed
        bot.Engine.RecordError("test: first");
        bot.Engine.RecordError("test: second"); // ERROR_LIMIT reached: a stop, with no way to close

        var exitCode = await bot.ExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.RiskStop, exitCode);
        Assert.NotEqual(0m, bot.Position(Symbol)); // still open, and said so
        Assert.Contains(bot.Logs.Lines, l => l.Contains("positions not all closed", StringComparison.Ordinal) && l.Contains(Symbol, StringComparison.Ordinal));
        AssertAlerted(telegram, "positions could not all be closed");
        Assert.Equal(1, bot.Engine.Risk!.ViolationCount(RiskRule.ErrorLimit)); // counted once, no loop
    }

    private static Task<BotAgainstSimulator> StartAsync(
        FakeTelegramServer telegram,
        Dictionary<string, string?> settings,
        CancellationToken ct,
        Action<SimulatorServer>? arrange = null,
        TimeSpan? halfLife = null,
        Action<Arb.Cli.Trading.TradingRunner>? configure = null)
    {
        settings.TryAdd("ENTRY_EDGE_BPS", "-100");
        settings["TRADE_COOLDOWN_SEC"] = "0";
        settings["ALLOW_REVERSE"] = "false";
        settings["TELEGRAM_BOT_TOKEN"] = "123456:test-token";
        settings["TELEGRAM_CHAT_ID"] = "42";
        settings["TELEGRAM_API_URL"] = telegram.BaseUri.ToString();
        return BotAgainstSimulator.StartAsync(
            new SimulatorOptions
            {
                Symbols = [Symbol],
                Market = new SimMarketOptions
                {
                    AnnualVolatility = 0.01,
                    DislocationsPerHour = 0,
                    BasisNoiseBps = 0.05,
                    BasisHalfLife = halfLife ?? TimeSpan.FromSeconds(20),
                },
            },
            settings,
            ct,
            arrange,
            configure);
    }

    // Flat on the exchange: no perp position and the coin back where it started, give or take the fee dust.
    private static void AssertFlat(BotAgainstSimulator bot)
    {
        Assert.Equal(0m, bot.Position(Symbol));
        var (spot, perp) = bot.Booked(Symbol);
        Assert.Equal(0m, perp);
        Assert.True(Math.Abs(spot) < 0.000011m, $"spot {spot} left"); // below the spot minimum order: dust
    }

    private static void AssertAlerted(FakeTelegramServer telegram, string title) =>
        Assert.Contains(telegram.Requests, r => r.Body.Contains(title, StringComparison.Ordinal));
}
