using System.Buffers.Text;
using System.Text.Json;

namespace Arb.Bybit.Parsing;

/// <summary>
/// Reads scalar values that Bybit sends either as JSON numbers or as strings (recorded traffic has both),
/// straight from the reader's bytes.
/// </summary>
internal static class JsonValues
{
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt64();
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> scratch = stackalloc byte[64];
            var raw = Raw(in reader, scratch);
            if (Utf8Parser.TryParse(raw, out long value, out var consumed) && consumed == raw.Length)
            {
                return value;
            }
        }

        throw new FormatException($"expected an integer, found {reader.TokenType}");
    }

    /// <summary>A decimal from a string or number token; null for an empty string (the exchange's "not set").</summary>
    public static decimal? ReadOptionalDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null
            || (reader.TokenType == JsonTokenType.String && reader.ValueSpan.IsEmpty && !reader.HasValueSequence))
        {
            return null;
        }

        return ReadDecimal(ref reader);
    }

    /// <summary>A decimal from a string or number token. The hot path of book levels: no copies, no allocation.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            throw new FormatException($"expected a decimal, found {reader.TokenType}");
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return DecimalText.TryParse(reader.ValueSpan, out var value) ? value : throw new FormatException("expected a decimal");
        }

        return ReadEscapedDecimal(ref reader);
    }

    private static decimal ReadEscapedDecimal(ref Utf8JsonReader reader)
    {
        Span<byte> scratch = stackalloc byte[64];
        return DecimalText.TryParse(Raw(in reader, scratch), out var value) ? value : throw new FormatException("expected a decimal");
    }

    /// <summary>An integer from a string or number token; null for an empty string.</summary>
    public static long? ReadOptionalInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.IsEmpty)
        {
            return null;
        }

        return reader.TokenType == JsonTokenType.Null ? null : ReadInt64(ref reader);
    }

    /// <summary>The token's bytes, unescaped into <paramref name="scratch"/> only in the rare escaped case.</summary>
    public static ReadOnlySpan<byte> Raw(in Utf8JsonReader reader, Span<byte> scratch)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return reader.ValueSpan;
        }

        var length = reader.CopyString(scratch);
        return scratch[..length];
    }
}
