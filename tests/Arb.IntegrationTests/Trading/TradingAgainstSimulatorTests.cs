using Arb.Domain.Market;
using Arb.IntegrationTests.Support;
using Arb.Simulator;
using Arb.Simulator.Market;

namespace Arb.IntegrationTests.Trading;

/// <summary>
/// The bot trades the simulator's dislocations for a while; then everything it wrote and booked must agree with what
/// the exchange says happened, to the last decimal.
/// </summary>
public sealed class TradingAgainstSimulatorTests
{
    [Fact]
    public async Task Trades_match_the_exchange_executions_positions_match_and_the_ledger_matches_the_wallet_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        var market = new SimMarketOptions
        {
            Seed = 11,
            DislocationsPerHour = 2_400, // one every 1.5 s or so
            DislocationBps = 45,
            BasisHalfLife = TimeSpan.FromSeconds(3),
            FundingInterval = TimeSpan.FromSeconds(4), // funding settles during the run and must be booked too
        };
        string[] symbols = ["BTCUSDT", "ETHUSDT"];
        await using var bot = await BotAgainstSimulator.StartAsync(
            new SimulatorOptions { Symbols = symbols, Market = market },
            new Dictionary<string, string?>
            {
                ["ENTRY_EDGE_BPS"] = "8",
                ["EXIT_EDGE_BPS"] = "-28",
                ["TRADE_COOLDOWN_SEC"] = "0.2",

                // Every round trip here loses about 20 bps by design; the test is about the ledger, so a losing
                // streak must not stop the bot (exit 3) however many trips a slow machine lets it make.
                ["MAX_CONSECUTIVE_LOSSES"] = "1000",
            },
            ct);
        // Start-up set LEVERAGE (default 1) on every perp.
        Assert.All(symbols, s => Assert.Equal(1, bot.ReadAccount(a => a.Position(s).Leverage)));
        var startUsdt = BotAgainstSimulator.StartingBalance("USDT");
        var startCoins = symbols.ToDictionary(s => s, s => BotAgainstSimulator.StartingBalance(s[..^4]));

        await bot.WaitForAsync(
            e => e.Executions >= 6 && bot.ReadAccount(a => a.Executions.Any(x => x.ExecType == "Funding")),
            TimeSpan.FromSeconds(90),
            "six two-leg executions and a funding settlement");
        await bot.HaltAndDrainAsync(ct);

        // Positions: the bot's books equal the exchange's, exactly.
        foreach (var symbol in symbols)
        {
            var (spot, perp) = bot.Booked(symbol);
            Assert.Equal(bot.Balance(symbol[..^4]) - startCoins[symbol], spot);
            Assert.Equal(bot.Position(symbol), perp);
        }

        await bot.FlattenAsync(ct);
        var exitCode = await bot.StopAsync();
        Assert.True(exitCode == 0, $"the bot exited {exitCode}; its risk and error lines:\n"
            + string.Join('\n', bot.Logs.Lines.Where(l => l.Contains("risk", StringComparison.OrdinalIgnoreCase) || l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(20)));

        // Every row of trades.csv is an execution the exchange reports for this account, and every execution is a row.
        var rows = TradeRow.ReadAll(bot.TradesLog);
        var executions = bot.Trades().ToDictionary(e => e.ExecId);
        Assert.Equal(executions.Count, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.ExecId).Distinct().Count());
        foreach (var row in rows)
        {
            Assert.True(executions.TryGetValue(row.ExecId, out var execution), $"exec {row.ExecId} is not the exchange's");
            Assert.Equal(execution.OrderLinkId, row.OrderLinkId);
            Assert.Equal(execution.ExecQty, row.Qty);
            Assert.Equal(execution.ExecPrice, row.Price);
            Assert.Equal(execution.ExecFee, row.Fee);
            Assert.Equal(execution.Category.ToWireName(), row.Category);
        }

        Assert.Contains(rows, r => r.Side == "Sell" && r.Category == "spot"); // at least one position was closed
        // Funding: the bot booked every settlement the exchange made, with Bybit's sign (fee paid = funding lost).
        var fundingPaid = bot.ReadAccount(a => a.Executions.Where(e => e.ExecType == "Funding").Sum(e => e.ExecFee));
        var fundingBooked = symbols.Sum(s => bot.Engine.Trader(s).Read(t => t.Portfolio.FundingUsd));
        Assert.NotEqual(0m, fundingBooked);
        Assert.Equal(-fundingPaid, fundingBooked);

        // The ledger: realized PnL after fees and funding, less the cost of any coin dust still held, is exactly the
        // USDT the wallet gained or lost; the coin held is exactly what the bot booked.
        var expectedUsdtChange = 0m;
        foreach (var symbol in symbols)
        {
            var (realized, openValue, spot, perp) = bot.Engine.Trader(symbol).Read(t =>
                (t.Portfolio.NetRealized, t.Portfolio.Spot.OpenValue, t.Portfolio.Spot.Quantity, t.Portfolio.Perp.Quantity));
            Assert.Equal(0m, perp);
            Assert.Equal(0m, bot.Position(symbol));
            Assert.Equal(bot.Balance(symbol[..^4]) - startCoins[symbol], spot);
            expectedUsdtChange += realized - openValue;
        }

        Assert.Equal(bot.Balance("USDT") - startUsdt, expectedUsdtChange);
        Assert.True(File.ReadAllLines(bot.PnlLog).Length > 1, "no PnL rows were written");
        Assert.Equal("timestamp,symbol,real,unreal,equity", File.ReadAllLines(bot.PnlLog)[0]);
    }
}
