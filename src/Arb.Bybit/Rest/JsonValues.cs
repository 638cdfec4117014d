using System.Globalization;
using System.Text.Json;

namespace Arb.Bybit.Rest;

/// <summary>
/// Field readers for Bybit JSON. Bybit writes decimals as strings and ids/timestamps as numbers, while
/// recorded (ccxt) responses turn many numbers into strings, so every reader accepts both forms. Absent,
/// null and "" mean "no value" for the optional readers. Decimals keep the scale they were written with.
/// </summary>
internal static class JsonValues
{
    public static JsonElement RequireObject(JsonElement parent, string name)
    {
        var value = Required(parent, name);
        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new FormatException($"'{name}' should be an object but is {value.ValueKind}.");
    }

    public static JsonElement RequireArray(JsonElement parent, string name)
    {
        var value = Required(parent, name);
        return value.ValueKind == JsonValueKind.Array
            ? value
            : throw new FormatException($"'{name}' should be an array but is {value.ValueKind}.");
    }

    public static string RequireString(JsonElement parent, string name) =>
        OptionalString(parent, name) ?? throw new FormatException($"'{name}' is missing or empty.");

    public static string? OptionalString(JsonElement parent, string name)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new FormatException($"'{name}' should be a string but is {value.ValueKind}."),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static decimal RequireDecimal(JsonElement parent, string name) =>
        OptionalDecimal(parent, name) ?? throw new FormatException($"'{name}' is missing or empty.");

    public static decimal? OptionalDecimal(JsonElement parent, string name) =>
        OptionalString(parent, name) is { } text ? ParseDecimal(text, name) : null;

    public static long RequireInt64(JsonElement parent, string name) =>
        OptionalInt64(parent, name) ?? throw new FormatException($"'{name}' is missing or empty.");

    public static long? OptionalInt64(JsonElement parent, string name) =>
        OptionalString(parent, name) is { } text ? ParseInt64(text, name) : null;

    public static int RequireInt32(JsonElement parent, string name) =>
        OptionalInt32(parent, name) ?? throw new FormatException($"'{name}' is missing or empty.");

    public static int? OptionalInt32(JsonElement parent, string name) =>
        OptionalInt64(parent, name) is { } value ? checked((int)value) : null;

    /// <summary>A decimal from a JSON string or number element (e.g. an order-book level entry).</summary>
    public static decimal ElementDecimal(JsonElement value, string what)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text)
            ? throw new FormatException($"{what} should be a decimal but is {value.ValueKind}.")
            : ParseDecimal(text, what);
    }

    public static decimal ParseDecimal(string text, string what) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{what}' is not a decimal: '{text}'.");

    public static long ParseInt64(string text, string what) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{what}' is not an integer: '{text}'.");

    private static JsonElement Required(JsonElement parent, string name) =>
        TryGet(parent, name, out var value) ? value : throw new FormatException($"'{name}' is missing.");

    private static bool TryGet(JsonElement parent, string name, out JsonElement value)
    {
        if (parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty(name, out value)
            && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }
}
