namespace Arb.Strategy.Sizing;

/// <summary>Exact decimal arithmetic on lot steps shared by the two legs of a trade.</summary>
public static class LotMath
{
    private static readonly decimal[] PowersOfTen = BuildPowersOfTen();

    /// <summary>
    /// The smallest step that is a multiple of both: a quantity rounded to it is valid on either instrument.
    /// Bybit steps are powers of ten, so this is normally just the coarser of the two (one modulo, no loop);
    /// otherwise it is their least common multiple, found by scaling both to integers.
    /// </summary>
    public static decimal CommonStep(decimal stepA, decimal stepB)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepA);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepB);
        var coarse = Math.Max(stepA, stepB);
        var fine = Math.Min(stepA, stepB);
        if (coarse % fine == 0)
        {
            return coarse;
        }

        // Scale both steps by the same power of ten so that neither has a fractional part left.
        var scale = Math.Max(stepA.Scale, stepB.Scale);
        var factor = PowersOfTen[scale];
        var a = stepA * factor;
        var b = stepB * factor;
        return a / GreatestCommonDivisor(a, b) * b / factor;
    }

    /// <summary>The largest multiple of <paramref name="step"/> not above <paramref name="quantity"/>.</summary>
    public static decimal RoundDown(decimal quantity, decimal step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        var rounded = decimal.Floor(quantity / step) * step;
        // The quotient is rounded to 28-29 digits; should that carry it up to the next whole step,
        // the result would exceed the quantity, which must never happen for an order size.
        return rounded > quantity ? rounded - step : rounded;
    }

    private static decimal GreatestCommonDivisor(decimal a, decimal b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static decimal[] BuildPowersOfTen()
    {
        var powers = new decimal[29];
        powers[0] = 1m;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10m;
        }

        return powers;
    }
}
