using Arb.IntegrationTests.Support;
using Arb.Simulator;
using Arb.Simulator.Market;

namespace Arb.IntegrationTests.Trading;

/// <summary>
/// When the two legs of a trade do not fill alike (one refused, one partly filled) or the private stream dies in the
/// middle, the bot must end hedged, with its books equal to the exchange's and every fill written once.
/// </summary>
public sealed class LegRiskTests
{
    private const string Symbol = "BTCUSDT";

    // Coarser of BTCUSDT's spot (0.000001) and perp (0.001) quantity steps: the most a hedged position may differ.
    private const decimal LotStep = 0.001m;

    [Fact]
    public async Task One_leg_rejected_the_other_is_hedged_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bot = await StartAsync(ct, sim => sim.OrderFaults.RejectNext(1));

        var (spot, perp) = await TradeOnceAsync(bot, ct, rearm: sim => sim.OrderFaults.RejectNext(1));

        Assert.Equal(1, bot.Engine.Executor.Imbalances);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("rejected: 1", StringComparison.Ordinal)); // Bybit's retCode in the reason
        Assert.Contains(TradeRow.ReadAll(bot.TradesLog), r => r.OrderLinkId.EndsWith('h'));
        AssertHedged(spot, perp);
    }

    [Fact]
    public async Task One_leg_partly_filled_the_difference_is_hedged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bot = await StartAsync(ct, sim => sim.OrderFaults.PartiallyFillNext(1));

        var (spot, perp) = await TradeOnceAsync(bot, ct, rearm: sim => sim.OrderFaults.PartiallyFillNext(1));

        Assert.Equal(1, bot.Engine.Executor.Imbalances);
        Assert.Contains(TradeRow.ReadAll(bot.TradesLog), r => r.OrderLinkId.EndsWith('h'));
        AssertHedged(spot, perp);
    }

    [Fact]
    public async Task Private_stream_dropped_mid_trade_the_outcome_is_read_over_rest_and_booked_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bot = await StartAsync(ct, sim => sim.OrderFaults.DropPrivateStreamOnNext(2));

        var (spot, perp) = await TradeOnceAsync(bot, ct);

        Assert.Contains(bot.Logs.Lines, l => l.Contains("read back over REST", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("private stream lost", StringComparison.Ordinal));
        AssertHedged(spot, perp);
        Assert.NotEqual(0m, perp);
    }

    // Always willing to open (any edge), never to close: exactly one position, taken as soon as the books are warm.
    // A calm market, so an IOC leg fails only by the fault under test, not because the book moved in between.
    private static Task<BotAgainstSimulator> StartAsync(CancellationToken ct, Action<SimulatorServer> arrange) => BotAgainstSimulator.StartAsync(
        new SimulatorOptions
        {
            Symbols = [Symbol],
            Market = new SimMarketOptions { AnnualVolatility = 0.01, DislocationsPerHour = 0, BasisNoiseBps = 0.05 },
        },
        new Dictionary<string, string?>
        {
            ["ENTRY_EDGE_BPS"] = "-100",
            ["EXIT_EDGE_BPS"] = "1000",
            ["TRADE_COOLDOWN_SEC"] = "0",
            ["ALLOW_REVERSE"] = "false",
        },
        ct,
        arrange);

    // Waits for the first execution to finish (hedge included), stops new ones, and checks the bot's books against the
    // exchange's: the coin bought equals the booked spot leg, the perp position the booked perp leg, and trades.csv
    // holds each of the exchange's executions exactly once.
    // With a fault under test, an execution in which nothing filled (an IOC leg can miss a moving book) used the fault
    // up without testing it: the fault is armed again until an execution shows the imbalance.
    private static async Task<(decimal Spot, decimal Perp)> TradeOnceAsync(
        BotAgainstSimulator bot, CancellationToken ct, Action<SimulatorServer>? rearm = null)
    {
        var startBtc = BotAgainstSimulator.StartingBalance("BTC");
        var seen = 0L;
        await bot.WaitForAsync(
            e =>
            {
                if (rearm is null)
                {
                    return e.Executions >= 1;
                }

                if (e.Executor.Imbalances >= 1)
                {
                    return true;
                }

                if (e.Executions > seen)
                {
                    seen = e.Executions;
                    rearm(bot.Simulator);
                }

                return false;
            },
            TimeSpan.FromSeconds(60),
            rearm is null ? "a two-leg execution" : "a two-leg execution with unequal legs");
        await bot.HaltAndDrainAsync(ct);

        var (spot, perp) = bot.Booked(Symbol);
        Assert.Equal(bot.Balance("BTC") - startBtc, spot);
        Assert.Equal(bot.Position(Symbol), perp);
        var rows = TradeRow.ReadAll(bot.TradesLog);
        var executions = bot.Trades();
        Assert.Equal(executions.Count, rows.Count);
        Assert.Equal(executions.Select(e => e.ExecId).Order(StringComparer.Ordinal), rows.Select(r => r.ExecId).Order(StringComparer.Ordinal));
        Assert.Equal(0, await bot.StopAsync());
        return (spot, perp);
    }

    private static void AssertHedged(decimal spot, decimal perp)
    {
        Assert.NotEqual(0m, spot);
        Assert.True(Math.Abs(spot + perp) < LotStep, $"unhedged: spot {spot}, perp {perp}");
    }
}
