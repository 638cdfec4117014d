namespace Arb.Strategy.Sizing;

/// <summary>
/// Turns the risk settings, the basis volatility, the lot rules and the visible depth into one base quantity
/// traded on both legs. Pure and allocation-free: safe on the tick-to-order path.
/// </summary>
/// <remarks>
/// The notional is the smallest of: the risk budget (equity × risk per trade) divided by the adverse basis move
/// the trade must survive (max(volatility, floor) × multiple, in bps), MAX_POSITION_USD, and the room left in the
/// symbol. The quantity is that notional over the price, capped by depth, then rounded down to the common lot
/// step of the two instruments and checked against both legs' minimum quantity and minimum notional.
/// On ties the earlier constraint in that order is reported.
/// </remarks>
public static class PositionSizer
{
    private const decimal BasisPointsPerUnit = 10_000m;

    // Far beyond any real basis volatility; keeps the double-to-decimal conversion from overflowing.
    private const double MaxVolatilityBps = 1e12;

    public static SizeDecision Size(in SizingInput input)
    {
        var limits = input.Limits;
        ArgumentNullException.ThrowIfNull(limits, nameof(input));
        Validate(input);

        var volatilityBps = Math.Max((decimal)Math.Min(input.VolatilityBps, MaxVolatilityBps), limits.MinVolatilityBps);
        var adverseMove = volatilityBps * limits.VolatilityMultiple / BasisPointsPerUnit;

        var notional = limits.RiskBudgetUsd / adverseMove;
        var limitedBy = SizeLimitedBy.Risk;
        if (limits.MaxPositionUsd < notional)
        {
            notional = limits.MaxPositionUsd;
            limitedBy = SizeLimitedBy.MaxPosition;
        }

        if (input.RoomUsd is { } room)
        {
            if (room <= 0)
            {
                return SizeDecision.None(SizeLimitedBy.Room);
            }

            if (room < notional)
            {
                notional = room;
                limitedBy = SizeLimitedBy.Room;
            }
        }

        if (input.DepthQuantity <= 0)
        {
            return SizeDecision.None(SizeLimitedBy.Depth);
        }

        var quantity = notional / input.Price;
        if (input.DepthQuantity < quantity)
        {
            quantity = input.DepthQuantity;
            limitedBy = SizeLimitedBy.Depth;
        }

        // Rounding down keeps the size inside every cap above.
        var step = LotMath.CommonStep(input.Spot.QtyStep, input.Perp.QtyStep);
        quantity = LotMath.RoundDown(quantity, step);
        if (quantity <= 0 || quantity < input.Spot.MinQty || quantity < input.Perp.MinQty)
        {
            return SizeDecision.None(SizeLimitedBy.BelowMinQuantity);
        }

        var orderNotional = quantity * input.Price;
        if (orderNotional < input.Spot.MinNotional || orderNotional < input.Perp.MinNotional)
        {
            return SizeDecision.None(SizeLimitedBy.BelowMinNotional);
        }

        return new SizeDecision(quantity, orderNotional, limitedBy);
    }

    private static void Validate(in SizingInput input)
    {
        if (!(input.VolatilityBps >= 0) || double.IsPositiveInfinity(input.VolatilityBps))
        {
            throw new ArgumentOutOfRangeException(
                nameof(input), input.VolatilityBps, "The volatility must be a finite, non-negative number.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.Price, nameof(input));
        ArgumentOutOfRangeException.ThrowIfNegative(input.DepthQuantity, nameof(input));
        ValidateLot(input.Spot);
        ValidateLot(input.Perp);
    }

    private static void ValidateLot(LotRules lot)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lot.QtyStep, nameof(lot));
        ArgumentOutOfRangeException.ThrowIfNegative(lot.MinQty, nameof(lot));
        ArgumentOutOfRangeException.ThrowIfNegative(lot.MinNotional, nameof(lot));
    }
}
