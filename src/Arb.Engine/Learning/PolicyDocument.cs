namespace Arb.Engine.Learning;

/// <summary>
/// One symbol's trained policy as written to <c>POLICY_DIR/SYMBOL.policy.json</c>: what it is, the features and bins
/// it was trained on, the hyper-parameters, the data it was trained on (with a fingerprint), its results in and out
/// of sample, and the learned action values of every visited state.
/// </summary>
public sealed record PolicyDocument(
    int SchemaVersion,
    string Kind,
    string Symbol,
    int StateSpaceVersion,
    IReadOnlyList<PolicyFeature> Features,
    IReadOnlyList<string> Actions,
    PolicyHyperParameters HyperParameters,
    PolicyTraining Training,
    PolicyResults Results,
    IReadOnlyList<double[]> Values)
{
    public const int CurrentSchemaVersion = 1;

    public const string TabularQ = "tabular-q";

    public static readonly string[] ActionNames = ["hold", "act"];
}

/// <summary>A feature's name and bin edges, as the policy was trained with them.</summary>
public sealed record PolicyFeature(string Name, IReadOnlyList<double> Edges);

/// <summary>The learner's hyper-parameters (see <see cref="Arb.Strategy.Learning.QLearningOptions"/>).</summary>
public sealed record PolicyHyperParameters(
    double Alpha,
    double Gamma,
    double EpsilonStart,
    double EpsilonEnd,
    double RiskPenalty,
    double VolatilityHalfLifeTicks,
    double TrendFastHalfLifeTicks,
    double TrendSlowHalfLifeTicks,
    long ExplorationIntervalMs,
    int Seed,
    int Episodes);

/// <summary>
/// The data the policy learned from: the files, the SHA-256 of their bytes in order, and the training and test
/// windows (epoch ms; the test window starts where training ended).
/// </summary>
public sealed record PolicyTraining(
    IReadOnlyList<string> Files,
    string Sha256,
    long TrainFromMs,
    long TrainToMs,
    long? TestFromMs,
    long? TestToMs,
    string TrainedAtUtc);

/// <summary>The policy's backtest in its training window and out of sample, with the threshold estimator's out-of-sample result beside it.</summary>
public sealed record PolicyResults(PolicyResult Train, PolicyResult? Test, PolicyResult? TestThreshold);

/// <summary>One backtest's figures for the symbol.</summary>
public sealed record PolicyResult(
    decimal NetPnlUsd,
    int Trades,
    int RoundTrips,
    decimal FeesUsd,
    decimal MaxDrawdownUsd,
    double? Sharpe,
    decimal? WinRate,
    decimal? OracleNetPnlUsd,
    decimal? ShareOfOracle);
