namespace Arb.Domain.Books;

/// <summary>
/// A price as a whole number of 10^-10 units, so that book searches compare 64-bit integers instead of
/// decimals. Every price the exchanges quote fits (up to 10 decimals, below 9.2e8); one that does not has no key
/// and the book side compares decimals instead.
/// </summary>
internal static class PriceKey
{
    public const int Scale = 10;

    private static readonly long[] Factors =
    [
        10_000_000_000, 1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1,
    ];

    public static bool TryFrom(decimal price, out long key)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(price, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] != 0 || bits[3] < 0 || scale > Scale)
        {
            key = 0;
            return false;
        }

        var mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        var factor = Factors[scale];
        if (mantissa > (ulong)(long.MaxValue / factor))
        {
            key = 0;
            return false;
        }

        key = (long)mantissa * factor;
        return true;
    }
}
