namespace Arb.Engine.Execution;

/// <summary>What a two-leg execution does to the symbol's position.</summary>
public enum PairKind
{
    /// <summary>Buy spot, sell the perp.</summary>
    Open,

    /// <summary>Sell spot coin held, buy the perp.</summary>
    OpenReverse,

    /// <summary>Unwind the held position on both legs.</summary>
    Close,
}
