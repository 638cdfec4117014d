using Arb.IntegrationTests.Support;
using Arb.Simulator;
using Arb.Simulator.Market;

namespace Arb.IntegrationTests.Trading;

/// <summary>MAX_EXPOSURE_USD across symbols and MAX_POSITION_USD per symbol, against the simulator.</summary>
public sealed class ExposureLimitTests
{
    [Fact]
    public async Task Two_symbols_wanting_a_full_position_each_stay_within_MAX_EXPOSURE_USD_together()
    {
        var ct = TestContext.Current.CancellationToken;
        string[] symbols = ["BTCUSDT", "ETHUSDT"];
        await using var bot = await BotAgainstSimulator.StartAsync(
            new SimulatorOptions { Symbols = symbols, Market = new SimMarketOptions { AnnualVolatility = 0.01, DislocationsPerHour = 0, BasisNoiseBps = 0.05 } },
            new Dictionary<string, string?>
            {
                ["ENTRY_EDGE_BPS"] = "-100", // open at any edge
                ["EXIT_EDGE_BPS"] = "1000", // and hold
                ["TRADE_COOLDOWN_SEC"] = "0",
                ["ALLOW_REVERSE"] = "false",
                ["MAX_POSITION_USD"] = "1000",
                ["MAX_EXPOSURE_USD"] = "1300",
            },
            ct);

        await bot.WaitForAsync(
            e => symbols.All(s => e.Trader(s).Read(t => t.Portfolio.Perp.Quantity) != 0m),
            TimeSpan.FromSeconds(60),
            "a position in both symbols");
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // long enough for a third open, were one allowed
        await bot.HaltAndDrainAsync(ct);

        var notionals = symbols.ToDictionary(s => s, s => bot.Engine.Trader(s).Read(t => Math.Abs(t.Portfolio.Spot.OpenValue)));
        Assert.All(notionals.Values, n => Assert.True(n <= 1_000m, $"a position of {n} USD passed MAX_POSITION_USD"));
        Assert.True(notionals.Values.Sum() <= 1_300m, $"{notionals.Values.Sum()} USD held in all passed MAX_EXPOSURE_USD");
        Assert.True(notionals.Values.Min() < 1_000m * 0.5m, "the second symbol was not held to the exposure room");
        foreach (var symbol in symbols)
        {
            Assert.Equal(bot.Position(symbol), bot.Booked(symbol).Perp);
        }
    }
}
