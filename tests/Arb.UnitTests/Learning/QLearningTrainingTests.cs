using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Backtest;
using Arb.Engine.Learning;
using Arb.Engine.Trading;
using Arb.Strategy.Edge;
using Arb.Strategy.Learning;
using Arb.Strategy.Sizing;

namespace Arb.UnitTests.Learning;

/// <summary>Training on a market with a known profitable rule learns it: out of sample it beats doing nothing and acting at random by a clear margin.</summary>
public sealed class QLearningTrainingTests
{
    private const string Symbol = "ABCUSDT";

    [Fact]
    public void Trained_policy_beats_random_and_do_nothing_out_of_sample()
    {
        var train = SyntheticBasisMarket.Rows(60_000, seed: 1);   // about 3 h 20 min
        var test = SyntheticBasisMarket.Rows(30_000, seed: 2);    // 1 h 40 min of another seed, never trained on
        // Rows 200 ms apart and two-minute swings: every state entry may explore (the default draws every 10 s, for
        // markets that update many times a second).
        var trainer = new PolicyTrainer(Options(), new QLearningOptions { Seed = 7, ExplorationIntervalMs = 0 }, episodes: 20);

        var ct = TestContext.Current.CancellationToken;
        var learners = trainer.Train(() => train, null, null, ct: ct);
        var learned = trainer.Evaluate(() => test, learners.ToDictionary(l => l.Key, l => (IEdgeEstimator)l.Value), null, null, ct);
        var random = trainer.Evaluate(() => test, new Dictionary<string, IEdgeEstimator> { [Symbol] = new RandomEstimator(3, 0.001) }, null, null, ct);

        // Doing nothing makes 0; acting at random pays fees for nothing; the oracle bounds what was there.
        Assert.True(learned.Total.RoundTrips >= 10, $"the learner made {learned.Total.RoundTrips} round trips");
        Assert.True(learned.Total.NetPnlUsd >= 20m, $"the learner made {learned.Total.NetPnlUsd} USDT out of sample; doing nothing makes 0");
        Assert.True(learned.Total.NetPnlUsd >= random.Total.NetPnlUsd + 20m, $"learner {learned.Total.NetPnlUsd} vs random {random.Total.NetPnlUsd}");
        Assert.True(random.Total.Trades > 0, "the random baseline never traded");
        Assert.True(learned.Total.NetPnlUsd <= learned.Oracle!.NetPnlUsd);
    }

    internal static BacktestOptions Options()
    {
        var spot = new InstrumentSpec(Symbol, MarketCategory.Spot, InstrumentSpec.TradingStatus, "ABC", "USDT", 0.01m, 0.01m, 0.01m, 1m, null, null);
        var perp = new InstrumentSpec(Symbol, MarketCategory.Linear, InstrumentSpec.TradingStatus, "ABC", "USDT", 0.01m, 0.01m, 0.01m, 1m, null, 480);
        return new BacktestOptions
        {
            Setups = [new SymbolSetup(spot, perp, 0.001m, 0.00055m, new ThresholdEdgeEstimator(20m, -10m, false))],
            Engine = new EngineOptions
            {
                Sizing = new SizingLimits(10_000m, 1m, 1_000m),
                ParallelTasks = 1,
                TradeCooldown = TimeSpan.FromSeconds(1),
                MaxDailyTrades = 10_000,
                HoldingHorizon = TimeSpan.Zero,
                BasisVolWindow = 20,
            },
            SpotTakerFee = 0.001m,
            PerpTakerFee = 0.00055m,
            Oracle = false,
        };
    }
}
