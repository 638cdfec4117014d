namespace Arb.Strategy.Sizing;

/// <summary>Everything one sizing decision needs; passed by reference so the hot path copies nothing.</summary>
/// <param name="Limits">Account settings.</param>
/// <param name="VolatilityBps">The basis standard deviation, e.g. <see cref="BasisVolatility.StdDevBps"/>.</param>
/// <param name="Price">
/// The price that turns quantity into notional, e.g. the spot ask. It is also used for both legs' minimum
/// notional checks (the legs differ only by the basis), so pass the lower leg price where that matters.
/// </param>
/// <param name="Spot">Lot rules of the spot instrument.</param>
/// <param name="Perp">Lot rules of the perpetual.</param>
/// <param name="DepthQuantity">The base quantity the visible depth fills on both legs: the smaller of the two.</param>
/// <param name="RoomUsd">
/// Notional still allowed in this symbol (MAX_POSITION_USD minus what is held), or null when not tracked.
/// </param>
public readonly record struct SizingInput(
    SizingLimits Limits,
    double VolatilityBps,
    decimal Price,
    LotRules Spot,
    LotRules Perp,
    decimal DepthQuantity,
    decimal? RoomUsd = null);
