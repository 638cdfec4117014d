namespace Arb.Domain.Books;

/// <summary>
/// A price as a whole number of 10^-10 units, so that book searches compare 64-bit integers instead of
/// decimals. Every price the exchanges quote fits (up to 10 decimals, below 9.2e8); one that does not gets
/// <see cref="None"/> and the book side holding it compares decimals instead.
/// </summary>
public static class PriceKey
{
    public const int Scale = 10;

    /// <summary>The price has no key.</summary>
    public const long None = -1;

    private static readonly long[] Factors =
    [
        10_000_000_000, 1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1,
    ];

    // The largest mantissa that still fits after scaling, per decimal scale: a division here would cost more
    // than the whole search.
    private static readonly ulong[] MaxMantissas = [.. Factors.Select(f => (ulong)(long.MaxValue / f))];

    /// <summary>The key of a non-negative price written as <paramref name="mantissa"/> × 10^-<paramref name="scale"/>.</summary>
    public static long FromMantissa(ulong mantissa, int scale) =>
        (uint)scale <= Scale && mantissa <= MaxMantissas[scale] ? (long)mantissa * Factors[scale] : None;

    public static long Of(decimal price)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(price, bits);
        if (bits[2] != 0 || bits[3] < 0)
        {
            return None;
        }

        return FromMantissa((uint)bits[0] | ((ulong)(uint)bits[1] << 32), (bits[3] >> 16) & 0xFF);
    }
}
