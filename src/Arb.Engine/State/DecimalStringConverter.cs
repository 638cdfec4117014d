using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Arb.Engine.State;

/// <summary>
/// Writes a decimal as a JSON string of its exact digits (scale kept: "1.50" stays 1.50) and reads only that
/// form back: plain digits, an optional sign and point. No exponent and no bare JSON number, so nothing a tool
/// might have passed through a double is accepted as if it were exact.
/// </summary>
internal sealed class DecimalStringConverter : JsonConverter<decimal>
{
    // decimal.MinValue with 28 decimals of scale is well under 64 characters.
    private const int MaxLength = 64;
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"a decimal must be a JSON string, not {reader.TokenType}");
        }

        Span<char> text = stackalloc char[MaxLength];
        if (reader.ValueSpan.Length > MaxLength || reader.HasValueSequence)
        {
            throw new JsonException("a decimal string is too long");
        }

        var length = reader.CopyString(text);
        if (!decimal.TryParse(text[..length], Style, CultureInfo.InvariantCulture, out var value))
        {
            throw new JsonException($"\"{text[..length]}\" is not a decimal");
        }

        // A negative zero (which arithmetic can produce) comes back as one, so even the bits round-trip.
        return value == 0m && text[0] == '-' && !decimal.IsNegative(value) ? -value : value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[MaxLength];
        var sign = value == 0m && decimal.IsNegative(value) ? 1 : 0; // formatting drops a zero's sign
        text[0] = '-';
        if (!value.TryFormat(text[sign..], out var length, default, CultureInfo.InvariantCulture))
        {
            throw new JsonException($"decimal {value} does not fit its buffer");
        }

        writer.WriteStringValue(text[..(sign + length)]);
    }
}
