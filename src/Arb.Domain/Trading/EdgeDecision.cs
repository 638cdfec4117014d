namespace Arb.Domain.Trading;

/// <summary>What to do about one symbol now.</summary>
public enum EdgeAction
{
    Hold,

    /// <summary>Buy spot, sell the perp.</summary>
    Open,

    /// <summary>Sell spot (held coin), buy the perp.</summary>
    OpenReverse,

    /// <summary>Unwind the held position.</summary>
    Close,
}

/// <summary>The estimator's answer: an action and the share of the allowed size to use (1 = all of it).</summary>
public readonly record struct EdgeDecision(EdgeAction Action, decimal SizeFraction = 1m)
{
    public static EdgeDecision Hold { get; } = new(EdgeAction.Hold, 0m);
}
