using Arb.Engine.Learning;
using Arb.IntegrationTests.Support;
using Arb.Simulator;
using Arb.Simulator.Market;
using Arb.Strategy.Learning;

namespace Arb.IntegrationTests.Trading;

/// <summary><c>arbbot run</c> loads each symbol's policy from POLICY_DIR, says which estimator each symbol uses, and with RL_ONLINE_LEARNING saves the learned policy beside the trained one.</summary>
public sealed class PolicyLoadingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arb-run-policy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_uses_the_policy_of_a_symbol_that_has_one_and_thresholds_for_the_other_and_learns_online_beside_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var policy = PolicyFile.PathFor(_dir, "BTCUSDT");
        PolicyFile.Save(policy, Document());
        var trained = await File.ReadAllBytesAsync(policy, ct);

        await using (var bot = await BotAgainstSimulator.StartAsync(
            new SimulatorOptions { Symbols = ["BTCUSDT", "ETHUSDT"], Market = new SimMarketOptions { DislocationsPerHour = 0 } },
            new Dictionary<string, string?> { ["POLICY_DIR"] = _dir, ["RL_ONLINE_LEARNING"] = "true" },
            ct))
        {
            await bot.WaitForAsync(e => e.Trader("BTCUSDT").Status(0).State == Arb.Engine.Trading.SymbolTradingState.Active, TimeSpan.FromSeconds(30), "warm books");
            Assert.Contains(bot.Logs.Lines, l => l.Contains("BTCUSDT: taker fees", StringComparison.Ordinal) && l.Contains($"estimator rl policy {policy}", StringComparison.Ordinal));
            Assert.Contains(bot.Logs.Lines, l => l.Contains("ETHUSDT: taker fees", StringComparison.Ordinal) && l.Contains("estimator threshold (no policy at", StringComparison.Ordinal));
            await bot.StopAsync();
        }

        var online = PolicyFile.OnlinePathFor(_dir, "BTCUSDT");
        Assert.True(File.Exists(online), "the online policy was not saved at shutdown");
        var learned = PolicyFile.Load(online, "BTCUSDT");
        Assert.Contains("learned online to", learned.Training.TrainedAtUtc, StringComparison.Ordinal);
        Assert.Equal(trained, await File.ReadAllBytesAsync(policy, ct)); // never over the trained file
    }

    private static PolicyDocument Document()
    {
        var table = new QTable();
        var random = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            var state = random.Next(StateSpace.StateCount);
            table[state, LearnerAction.Hold] = 1 + random.NextDouble();
            table[state, LearnerAction.Act] = -random.NextDouble(); // never acts: the test is about loading, not trading
        }

        var result = new PolicyResult(0m, 0, 0, 0m, 0m, null, null, null, null);
        return PolicyFile.Describe(
            "BTCUSDT", table, new QLearningOptions(), 1, new PolicyTraining(["sim.csv"], "00", 0, 1, null, null, "2026-11-25T00:00:00Z"), new PolicyResults(result, null, null));
    }
}
