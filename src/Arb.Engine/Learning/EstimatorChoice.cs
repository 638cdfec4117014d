using Arb.Domain.Trading;
using Arb.Strategy.Learning;

namespace Arb.Engine.Learning;

/// <summary>
/// The estimator a symbol trades with and why: its trained policy, or the threshold estimator when there is none or
/// it cannot be used (<see cref="Problem"/> then says what is wrong with the file).
/// </summary>
public sealed record EstimatorChoice(
    string Symbol, IEdgeEstimator Estimator, string Description, string? Problem, string? PolicyPath, PolicyDocument? Document = null)
{
    /// <summary>The learner when the policy was loaded; null for the threshold estimator.</summary>
    public QLearningEstimator? Learner => Estimator as QLearningEstimator;

    /// <summary>
    /// The policy at <c>directory/SYMBOL.policy.json</c> when it exists and checks out, otherwise what
    /// <paramref name="fallback"/> makes. Never throws for a bad file: the choice carries the problem instead, so a
    /// bad policy is reported and the symbol falls back, never crashes the bot or changes behaviour silently.
    /// </summary>
    public static EstimatorChoice For(string directory, string symbol, Func<IEdgeEstimator> fallback)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(fallback);
        var path = PolicyFile.PathFor(directory, symbol);
        if (!File.Exists(path))
        {
            return new EstimatorChoice(symbol, fallback(), $"threshold (no policy at {path})", null, null);
        }

        try
        {
            var document = PolicyFile.Load(path, symbol);
            var test = document.Results.Test is { } t ? $", out-of-sample net {t.NetPnlUsd:0.##} USDT over {t.RoundTrips} round trips" : "";
            return new EstimatorChoice(
                symbol, PolicyFile.Estimator(document), $"rl policy {path} (trained {document.Training.TrainedAtUtc}{test})", null, path, document);
        }
        catch (PolicyFileException ex)
        {
            return new EstimatorChoice(symbol, fallback(), "threshold (policy unusable, see the warning)", ex.Message, path);
        }
    }
}
