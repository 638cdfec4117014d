using System.Globalization;
using System.Text.Json;

namespace Arb.Simulator.Rest;

/// <summary>Bybit sends prices, sizes, rates and most timestamps as JSON strings; these write them that way.</summary>
internal static class JsonWriterExtensions
{
    // Enough for any decimal (29 digits, sign, point) and any long.
    private const int MaxChars = 48;

    /// <summary>The value as stored, keeping its scale (a price of ticks × 0.10 prints two decimals).</summary>
    public static void WriteDecimalString(this Utf8JsonWriter writer, string name, decimal value)
    {
        Span<char> chars = stackalloc char[MaxChars];
        value.TryFormat(chars, out var length, default, CultureInfo.InvariantCulture);
        writer.WriteString(name, chars[..length]);
    }

    /// <summary>Bybit sends "" for a value it does not have (e.g. an empty book side).</summary>
    public static void WriteOptionalDecimalString(this Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } present)
        {
            writer.WriteDecimalString(name, present);
        }
        else
        {
            writer.WriteString(name, string.Empty);
        }
    }

    public static void WriteDecimalStringValue(this Utf8JsonWriter writer, decimal value)
    {
        Span<char> chars = stackalloc char[MaxChars];
        value.TryFormat(chars, out var length, default, CultureInfo.InvariantCulture);
        writer.WriteStringValue(chars[..length]);
    }

    /// <summary>The value rounded to exactly <paramref name="decimals"/> places (trailing zeros kept).</summary>
    public static void WriteFixedString(this Utf8JsonWriter writer, string name, decimal value, int decimals) =>
        writer.WriteDecimalString(name, WithScale(value, decimals));

    /// <summary>The value without trailing zeros, as Bybit prints spot limits ("83", "41.5").</summary>
    public static void WritePlainString(this Utf8JsonWriter writer, string name, decimal value) =>
        writer.WriteString(name, value.ToString("0.############################", CultureInfo.InvariantCulture));

    /// <summary>
    /// A computed amount (a fee, a PnL, a USD value) rounded to <paramref name="decimals"/> places and printed
    /// without trailing zeros, as Bybit prints "0.00468105" or "0".
    /// </summary>
    public static void WriteAmount(this Utf8JsonWriter writer, string name, decimal value, int decimals = 8) =>
        writer.WritePlainString(name, Math.Round(value, decimals, MidpointRounding.AwayFromZero));

    public static void WriteInt64String(this Utf8JsonWriter writer, string name, long value)
    {
        Span<char> chars = stackalloc char[MaxChars];
        value.TryFormat(chars, out var length, default, CultureInfo.InvariantCulture);
        writer.WriteString(name, chars[..length]);
    }

    /// <summary>Rounds half away from zero and pads to exactly <paramref name="decimals"/> places.</summary>
    internal static decimal WithScale(decimal value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);

        // Adding a zero of scale d lifts the result's scale to d without changing the value.
        return rounded + new decimal(0, 0, 0, isNegative: false, (byte)decimals);
    }
}
