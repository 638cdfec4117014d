namespace Arb.Engine.Risk;

/// <summary>What the risk manager lets the engine do.</summary>
public enum TradingState
{
    /// <summary>Opening and closing positions, within the limits.</summary>
    Active,

    /// <summary>A stop rule was breached: no new positions, the engine closes every held one.</summary>
    Reducing,

    /// <summary>Positions are closed (or the engine gave up closing them): the process exits.</summary>
    Halted,
}
