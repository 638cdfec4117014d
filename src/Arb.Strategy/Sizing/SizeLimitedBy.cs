namespace Arb.Strategy.Sizing;

/// <summary>Which constraint set a sizing decision, or why it came to nothing.</summary>
public enum SizeLimitedBy
{
    /// <summary>The risk budget divided by the volatility-scaled adverse move.</summary>
    Risk,

    /// <summary>MAX_POSITION_USD.</summary>
    MaxPosition,

    /// <summary>The room left under MAX_POSITION_USD for the symbol; no trade when there is none.</summary>
    Room,

    /// <summary>What the visible depth of both legs can fill; no trade when it is empty.</summary>
    Depth,

    /// <summary>After rounding to the lot step the quantity is zero or below a leg's minimum quantity.</summary>
    BelowMinQuantity,

    /// <summary>The rounded quantity is worth less than a leg's minimum order value.</summary>
    BelowMinNotional,
}
