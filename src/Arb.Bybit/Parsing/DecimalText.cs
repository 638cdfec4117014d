using System.Globalization;

namespace Arb.Bybit.Parsing;

/// <summary>
/// Parses the exchange's decimal strings ("71419.80", "0.00159") from UTF-8 without allocating. The result
/// keeps the scale as written, so "71419.80" prints back as "71419.80".
/// </summary>
public static class DecimalText
{
    /// <summary>
    /// Plain notation with up to 19 significant digits takes the fast path; anything else (exponents, longer
    /// mantissas) goes through the framework parser.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out decimal value)
    {
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = -1; // -1 until the decimal point
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                if (digits == 19)
                {
                    return SlowParse(text, out value);
                }

                mantissa = (mantissa * 10) + d;
                if (mantissa != 0 || scale >= 0)
                {
                    digits++; // leading zeros of the integer part do not count
                }

                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (c == (byte)'.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return SlowParse(text, out value);
            }
        }

        var hasDigit = text.Length > (negative ? 1 : 0) && !(scale == 0 && text.Length == (negative ? 2 : 1));
        if (!hasDigit || scale > 28)
        {
            return SlowParse(text, out value);
        }

        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    private static bool SlowParse(ReadOnlySpan<byte> text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
