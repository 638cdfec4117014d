using Arb.Domain.Trading;

namespace Arb.UnitTests.Learning;

/// <summary>The baseline a learner must beat: acts at random (seeded) on a small share of the updates.</summary>
internal sealed class RandomEstimator(int seed, double actProbability) : IEdgeEstimator
{
    private readonly Random _random = new(seed);

    public EdgeDecision Decide(in EdgeFeatures features)
    {
        if (!features.IsValid || _random.NextDouble() >= actProbability)
        {
            return EdgeDecision.Hold;
        }

        return new EdgeDecision(features.HeldQuantity != 0m ? EdgeAction.Close : EdgeAction.Open);
    }
}
