namespace Arb.Engine.Execution;

/// <summary>Timing of one two-leg execution.</summary>
public sealed record ExecutionOptions
{
    /// <summary>
    /// LEG_HEDGE_TIMEOUT_SEC: the longest a leg imbalance above one lot step may last. Hedging starts at once;
    /// past this the imbalance is logged as an error every attempt until it is gone.
    /// </summary>
    public TimeSpan LegHedgeTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long to wait for the private stream to report an order's outcome before asking over REST. IOC orders
    /// finish within milliseconds, so a longer silence means the stream is behind or down.
    /// </summary>
    public TimeSpan StreamGrace { get; init; } = TimeSpan.FromMilliseconds(750);

    /// <summary>Between REST re-queries of an order that is not settled yet, and between failed hedge rounds.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many times an order the venue never acknowledged must be unknown to it before it counts as never placed.</summary>
    public int UnknownOrderQueries { get; init; } = 3;
}
