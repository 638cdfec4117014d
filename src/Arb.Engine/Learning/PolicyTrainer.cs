using Arb.Domain.Trading;
using Arb.Engine.Backtest;
using Arb.Engine.Risk;
using Arb.Strategy.Learning;

namespace Arb.Engine.Learning;

/// <summary>
/// Trains one <see cref="QLearningEstimator"/> per symbol, episode by episode, in the backtester: each episode is a
/// full backtest of the training window (the same engine, sizing, throttle and risk gate as every run) with the
/// learners deciding and learning, exploration decaying linearly over the episodes. Seeded: the same data and
/// options train the same tables. Training episodes keep the position and exposure limits but not the session stop
/// rules (see <see cref="ForTraining"/>); evaluations run under every limit.
/// </summary>
public sealed class PolicyTrainer(BacktestOptions options, QLearningOptions hyperParameters, int episodes)
{
    public BacktestOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public QLearningOptions HyperParameters { get; } = hyperParameters ?? throw new ArgumentNullException(nameof(hyperParameters));

    public int Episodes { get; } = episodes > 0 ? episodes : throw new ArgumentOutOfRangeException(nameof(episodes), episodes, "at least one episode");

    /// <summary>Trains on the rows <paramref name="rows"/> gives each time it is called, between <paramref name="fromMs"/> and <paramref name="toMs"/>; returns the learners, greedy.</summary>
    public IReadOnlyDictionary<string, QLearningEstimator> Train(
        Func<IEnumerable<QuoteRow>> rows, long? fromMs, long? toMs, Action<int, BacktestReport>? episodeDone = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var learners = Options.Setups.ToDictionary(s => s.Symbol, _ => new QLearningEstimator(new QTable(), HyperParameters), StringComparer.Ordinal);
        for (var episode = 0; episode < Episodes; episode++)
        {
            ct.ThrowIfCancellationRequested();
            var epsilon = Episodes == 1
                ? HyperParameters.EpsilonEnd
                : HyperParameters.EpsilonStart + ((HyperParameters.EpsilonEnd - HyperParameters.EpsilonStart) * episode / (Episodes - 1));
            var index = 0;
            foreach (var learner in learners.Values)
            {
                learner.StartEpisode(HyperParameters.Seed + (episode * 7_919) + (index++ * 104_729));
                learner.Learning = true;
                learner.Epsilon = epsilon;
            }

            var options = With(learners, fromMs, toMs, oracle: false);
            var report = new BacktestRun(options with { Risk = options.Risk is { } limits ? ForTraining(limits) : null }).Run(rows(), ct: ct);
            episodeDone?.Invoke(episode + 1, report);
        }

        foreach (var learner in learners.Values)
        {
            learner.Learning = false;
            learner.Epsilon = 0;
            learner.StartEpisode(HyperParameters.Seed);
        }

        return learners;
    }

    /// <summary>A backtest of the window with the given estimators (greedy learners, thresholds, ...), oracle included.</summary>
    public BacktestReport Evaluate(
        Func<IEnumerable<QuoteRow>> rows, IReadOnlyDictionary<string, IEdgeEstimator> estimators, long? fromMs, long? toMs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var learner in estimators.Values.OfType<QLearningEstimator>())
        {
            learner.StartEpisode(HyperParameters.Seed);
        }

        return new BacktestRun(With(estimators, fromMs, toMs, oracle: true)).Run(rows(), ct: ct);
    }

    // Exploration loses money by design: the session stop rules (drawdowns, losing streak, profit target, daily
    // pause, error count) would end an episode after a few random trades and starve the learner. Training keeps the
    // position and exposure limits, which shape every trade; evaluation runs under every limit.
    private static RiskLimits ForTraining(RiskLimits limits) => limits with
    {
        MaxDrawdownUsd = Unlimited,
        MaxRelativeDrawdownUsd = Unlimited,
        MaxSymbolDrawdownUsd = Unlimited,
        MaxSymbolRelDrawdownUsd = Unlimited,
        DailyDrawdownUsd = Unlimited,
        MaxConsecutiveLosses = int.MaxValue,
        MaxProfitUsd = 0m,
        ErrorLimit = int.MaxValue,
    };

    private const decimal Unlimited = 1_000_000_000_000m;

    private BacktestOptions With<T>(IReadOnlyDictionary<string, T> estimators, long? fromMs, long? toMs, bool oracle)
        where T : IEdgeEstimator => Options with
        {
            Setups = [.. Options.Setups.Select(s => estimators.TryGetValue(s.Symbol, out var estimator) ? s with { Estimator = estimator } : s)],
            FromMs = fromMs,
            ToMs = toMs,
            Oracle = oracle,
            TradesPath = null,
            PnlPath = null,
        };
}
