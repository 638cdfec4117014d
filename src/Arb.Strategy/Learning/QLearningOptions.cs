namespace Arb.Strategy.Learning;

/// <summary>
/// The learner's hyper-parameters (written into every policy). Rewards are in bps of the position's notional.
/// </summary>
public sealed record QLearningOptions
{
    /// <summary>Learning rate: the n-th update of a state and action weighs max(Alpha, 1/n).</summary>
    public double Alpha { get; init; } = 0.1;

    /// <summary>Discount per state change (not per tick: steps in an unchanged state are one step).</summary>
    public double Gamma { get; init; } = 0.999;

    /// <summary>Exploration at the first training episode, decaying linearly to <see cref="EpsilonEnd"/> at the last.</summary>
    public double EpsilonStart { get; init; } = 0.1;

    public double EpsilonEnd { get; init; }

    /// <summary>
    /// Data time between two exploration draws in the same state: a state entered again sooner takes the greedy
    /// action. Book updates come many times a second and states flicker at bin edges; drawing on every entry would
    /// turn exploration into constant churn.
    /// </summary>
    public long ExplorationIntervalMs { get; init; } = 10_000;

    /// <summary>Risk penalty: each held step's reward loses this times the square of the step's value change (bps²); a step lasts while the state is unchanged.</summary>
    public double RiskPenalty { get; init; } = 0.01;

    /// <summary>Ticks in the half-life of the basis-volatility average.</summary>
    public double VolatilityHalfLifeTicks { get; init; } = 50;

    /// <summary>Ticks in the half-lives of the fast and slow basis averages whose difference is the trend feature.</summary>
    public double TrendFastHalfLifeTicks { get; init; } = 10;

    public double TrendSlowHalfLifeTicks { get; init; } = 100;

    public int Seed { get; init; } = 1;
}
