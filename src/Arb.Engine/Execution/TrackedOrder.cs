using Arb.Domain.Execution;

namespace Arb.Engine.Execution;

/// <summary>
/// One of our orders while its outcome is not fully known. It settles when the venue has closed it and every fill
/// the venue counted has arrived (fills and the closing status can come in either order, from the stream or a REST
/// query). Mutated only under the <see cref="OrderTracker"/>'s lock.
/// </summary>
public sealed class TrackedOrder
{
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal TrackedOrder(OrderIntent intent, decimal edgeBps, decimal expectedPrice, long trackedAtMs = 0)
    {
        Intent = intent;
        EdgeBps = edgeBps;
        ExpectedPrice = expectedPrice;
        TrackedAtMs = trackedAtMs;
    }

    public OrderIntent Intent { get; }

    /// <summary>The decision's net edge, written to trades.csv with each fill.</summary>
    public decimal EdgeBps { get; }

    /// <summary>The price the decision expected; a fill's slippage is its distance from this.</summary>
    public decimal ExpectedPrice { get; }

    /// <summary>When the order was recorded, just before it was sent (Unix ms); 0 when the caller did not say.</summary>
    public long TrackedAtMs { get; }

    /// <summary>Sum of the fills received so far.</summary>
    public decimal FilledQuantity { get; internal set; }

    /// <summary>The venue's cumulative filled quantity once it closed the order; null while open.</summary>
    public decimal? ClosedWithQuantity { get; private set; }

    /// <summary>Why the venue refused or closed the order short, when it said.</summary>
    public string? Reason { get; private set; }

    public bool IsSettled => _settled.Task.IsCompleted;

    /// <summary>Completes when the order is settled.</summary>
    public Task Settled => _settled.Task;

    internal void Close(decimal venueFilledQuantity, string? reason)
    {
        ClosedWithQuantity ??= venueFilledQuantity;
        Reason ??= string.IsNullOrEmpty(reason) ? null : reason;
        TrySettle();
    }

    internal void TrySettle()
    {
        if (ClosedWithQuantity is { } closed && FilledQuantity >= closed)
        {
            _settled.TrySetResult();
        }
    }
}
