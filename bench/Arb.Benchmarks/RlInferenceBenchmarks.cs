using Arb.Domain.Trading;
using Arb.Strategy.Learning;
using BenchmarkDotNet.Attributes;

namespace Arb.Benchmarks;

/// <summary>
/// One decision of the RL estimator with learning off, as <c>arbbot run</c> and <c>arbbot backtest</c> make it on
/// every book update: features to state (volatility and trend averages, ten binned features), then the table.
/// 4,096 prepared feature sets of a moving market, cycled, with the position flipping now and then. Target: under
/// 1 µs per decision, no allocation.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RlInferenceBenchmarks
{
    private const int Count = 4_096;
    private readonly EdgeFeatures[] _features = new EdgeFeatures[Count];
    private QLearningEstimator _estimator = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var table = new QTable();
        for (var i = 0; i < 20_000; i++)
        {
            var state = random.Next(table.StateCount);
            table[state, LearnerAction.Hold] = random.NextDouble() * 10;
            table[state, LearnerAction.Act] = random.NextDouble() * 10;
        }

        _estimator = new QLearningEstimator(table, new QLearningOptions());
        var basis = 0.0;
        for (var i = 0; i < Count; i++)
        {
            basis += (random.NextDouble() - 0.5) * 2;
            _features[i] = new EdgeFeatures
            {
                IsValid = true,
                TimestampMs = 1_700_000_000_000 + (i * 100L),
                OpenQuantity = 0.015m,
                OpenEdgeBps = (decimal)(basis - 17.5),
                CloseEdgeBps = (i / 512) % 2 == 1 ? (decimal)(-basis - 17.5) : null,
                BasisBps = (decimal)basis,
                SpotSpreadBps = 0.02m,
                PerpSpreadBps = 0.15m,
                PerpDepthImbalance = (decimal)((random.NextDouble() * 2) - 1),
                FundingRate = 0.0001m,
                ExpectedShortFundingBps = 1m,
                TimeToFundingMs = 3_600_000 - (i * 100L),
                HeldQuantity = (i / 512) % 2 == 1 ? 0.015m : 0m,
            };
        }
    }

    [Benchmark]
    public EdgeAction Decide()
    {
        var i = _next;
        _next = (i + 1) & (Count - 1);
        return _estimator.Decide(_features[i]).Action;
    }
}
