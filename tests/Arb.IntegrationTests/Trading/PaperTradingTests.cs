using Arb.IntegrationTests.Support;
using Arb.Simulator;
using Arb.Simulator.Market;

namespace Arb.IntegrationTests.Trading;

/// <summary>MODE=paper: real public market data, fills simulated in process; nothing may reach the exchange's order entry.</summary>
public sealed class PaperTradingTests
{
    [Fact]
    public async Task Paper_mode_trades_the_public_books_without_sending_an_order_to_the_exchange()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bot = await BotAgainstSimulator.StartAsync(
            new SimulatorOptions { Symbols = ["BTCUSDT"], Market = new SimMarketOptions { DislocationsPerHour = 0 } },
            new Dictionary<string, string?>
            {
                ["MODE"] = "paper",
                ["BYBIT_API_KEY"] = null, // paper needs no account
                ["BYBIT_API_SECRET"] = null,
                ["ENTRY_EDGE_BPS"] = "-100",
                ["EXIT_EDGE_BPS"] = "-1000",
                ["TRADE_COOLDOWN_SEC"] = "0.2",
                ["SPOT_TAKER_FEE"] = "0.001",
                ["PERP_TAKER_FEE"] = "0.0005",
            },
            ct);

        await bot.WaitForAsync(e => e.Executions >= 4, TimeSpan.FromSeconds(60), "four paper executions");
        await bot.FlattenAsync(ct);
        Assert.Equal(0, await bot.StopAsync());

        var rows = TradeRow.ReadAll(bot.TradesLog);
        Assert.True(rows.Count >= 8, $"{rows.Count} fills");
        Assert.All(rows, r => Assert.StartsWith("paper-e-", r.ExecId, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Category == "spot" && r.Side == "Buy" && r.FeeCoin == "BTC" && r.Fee == r.Qty * 0.001m);
        Assert.Contains(rows, r => r.Category == "linear" && r.FeeCoin == "USDT" && r.Fee == r.Qty * r.Price * 0.0005m);
        Assert.Empty(bot.ReadAccount(a => a.Executions.ToList()));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("trading (paper) BTCUSDT", StringComparison.Ordinal));
    }
}
