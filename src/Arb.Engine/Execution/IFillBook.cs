using Arb.Domain.Trading;

namespace Arb.Engine.Execution;

/// <summary>
/// Where a fill goes once <see cref="OrderTracker"/> accepted it (first sight of its exec id): the portfolio and
/// trades.csv. The stream consumer and the executors' REST fallback both book through it.
/// </summary>
public interface IFillBook
{
    void Book(Fill fill, TrackedOrder? order);
}
