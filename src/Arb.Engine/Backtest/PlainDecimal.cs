using System.Globalization;

namespace Arb.Engine.Backtest;

/// <summary>
/// Parses the decimals of a quote file: <c>decimal.TryParse</c> with <see cref="NumberStyles.Float"/> and the
/// invariant culture cost most of a row's parse time. Plain numbers (an optional sign, digits, an optional point
/// followed by digits; at most 19 significant digits and 28 after the point) are built directly, with the same
/// value and scale (trailing zeros kept) as <c>decimal.Parse</c> gives them; anything else (exponents, more digits,
/// a trailing point, negative zero, whitespace, garbage) goes to <c>decimal.TryParse</c>, so results and rejections
/// are exactly what they were.
/// </summary>
internal static class PlainDecimal
{
    private const int MaxDigits = 19; // 9,999,999,999,999,999,999 still fits in a ulong
    private const int MaxScale = 28;

    public static bool TryParse(ReadOnlySpan<char> span, out decimal value) =>
        TryParsePlain(span, out value)
        || decimal.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The fast path alone: false when the text is not a plain number it handles (it may still be valid).</summary>
    internal static bool TryParsePlain(ReadOnlySpan<char> span, out decimal value)
    {
        value = 0m;
        var i = 0;
        var negative = false;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            negative = span[0] == '-';
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0; // significant: leading zeros do not count
        var seenDigit = false;
        var scale = -1; // -1 until the point
        for (; i < span.Length; i++)
        {
            var c = span[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                seenDigit = true;
                if (scale >= 0)
                {
                    scale++;
                }

                if (mantissa == 0 && d == 0)
                {
                    continue;
                }

                if (++digits > MaxDigits)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + d;
            }
            else if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        // A point must be followed by a digit here (decimal.Parse's view of "5." is left to it), as must a sign.
        if (!seenDigit || scale == 0 || scale > MaxScale || (negative && mantissa == 0))
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>
    /// The same fast path over ASCII bytes: true only for the plain numbers <see cref="TryParsePlain(ReadOnlySpan{char}, out decimal)"/>
    /// accepts, with the same value and scale; false means "not handled here" (decode and use the char overloads).
    /// </summary>
    internal static bool TryParsePlain(ReadOnlySpan<byte> span, out decimal value)
    {
        value = 0m;
        var i = 0;
        var negative = false;
        if (span.Length > 0 && (span[0] == (byte)'-' || span[0] == (byte)'+'))
        {
            negative = span[0] == (byte)'-';
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var seenDigit = false;
        var scale = -1;
        for (; i < span.Length; i++)
        {
            var c = span[i];
            var d = (uint)(c - (byte)'0');
            if (d <= 9)
            {
                seenDigit = true;
                if (scale >= 0)
                {
                    scale++;
                }

                if (mantissa == 0 && d == 0)
                {
                    continue;
                }

                if (++digits > MaxDigits)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + d;
            }
            else if (c == (byte)'.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (!seenDigit || scale == 0 || scale > MaxScale || (negative && mantissa == 0))
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }
}
