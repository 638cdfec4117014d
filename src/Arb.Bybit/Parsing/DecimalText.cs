using System.Globalization;

namespace Arb.Bybit.Parsing;

/// <summary>
/// Parses the exchange's decimal strings ("71419.80", "0.00159") from UTF-8 without allocating. The result
/// keeps the scale as written, so "71419.80" prints back as "71419.80".
/// </summary>
public static class DecimalText
{
    /// <summary>
    /// Plain notation with at most 19 digits takes the fast path; anything else (exponents, longer mantissas)
    /// goes through the framework parser.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out decimal value)
    {
        if (TryParsePlain(text, out var mantissa, out var scale, out var negative))
        {
            value = ToDecimal(mantissa, scale, negative);
            return true;
        }

        return SlowParse(text, out value);
    }

    /// <summary>
    /// The fast path alone: plain notation with at most 19 digits, split into mantissa and scale (the value is
    /// mantissa × 10^-scale). False for anything else, which <see cref="TryParse"/> still handles.
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<byte> text, out ulong mantissa, out int scale, out bool negative)
    {
        negative = text.Length > 0 && text[0] == (byte)'-';
        var i = negative ? 1 : 0;
        var start = i;
        mantissa = 0;

        // Integer part.
        for (; i < text.Length; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9)
            {
                break;
            }

            mantissa = (mantissa * 10) + d;
        }

        var integerDigits = i - start;
        scale = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            var fractionStart = i;
            for (; i < text.Length; i++)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9)
                {
                    break;
                }

                mantissa = (mantissa * 10) + d;
            }

            scale = i - fractionStart;
        }

        // 19 digits always fit in 64 bits; longer input, stray characters or no digits are not plain.
        return i == text.Length && integerDigits + scale is > 0 and <= 19;
    }

    public static decimal ToDecimal(ulong mantissa, int scale, bool negative) =>
        new((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)scale);

    private static bool SlowParse(ReadOnlySpan<byte> text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
