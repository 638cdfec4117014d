using Arb.Domain.Execution;
using Arb.Strategy.Sizing;

namespace Arb.Engine.Execution;

/// <summary>
/// One decided two-leg trade: both orders (ids already assigned), the net edge that justified it, the prices the
/// decision expected on each leg (volume-weighted over the depth the quantity takes; slippage is measured against
/// them), the notional it reserves against MAX_POSITION_USD while in flight, and each leg's lot rules for hedging.
/// </summary>
public sealed record PairPlan(
    string Symbol,
    PairKind Kind,
    OrderIntent Spot,
    OrderIntent Perp,
    decimal EdgeBps,
    decimal ExpectedSpotPrice,
    decimal ExpectedPerpPrice,
    decimal ReservedNotional,
    LotRules SpotLot,
    LotRules PerpLot,
    long DecidedAtMs);
