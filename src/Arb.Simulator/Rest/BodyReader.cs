using System.Globalization;
using System.Text.Json;
using Arb.Domain.Market;

namespace Arb.Simulator.Rest;

/// <summary>
/// Reads a JSON request object the way Bybit's order API takes it: prices and quantities as strings, a few
/// flags as JSON booleans or integers. Anything missing or of the wrong kind is a <see cref="ParamsErrorException"/>.
/// </summary>
internal readonly struct BodyReader(JsonElement body)
{
    public JsonElement Element => body;

    public string? Optional(string name)
    {
        if (!Has(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString() is { Length: > 0 } text ? text : null
            : throw new ParamsErrorException($"params error: {name} must be a string");
    }

    public string Required(string name) =>
        Optional(name) ?? throw new ParamsErrorException($"params error: {name} is required");

    public MarketCategory Category() => Required("category") switch
    {
        "spot" => MarketCategory.Spot,
        "linear" => MarketCategory.Linear,
        var other => throw new ParamsErrorException($"params error: category '{other}' is not supported (spot, linear)"),
    };

    public decimal? Decimal(string name)
    {
        if (Optional(name) is not { } text)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ParamsErrorException($"params error: {name} must be a decimal string, got '{text}'");
    }

    public bool Bool(string name) =>
        !Has(name, out var value) ? false
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw new ParamsErrorException($"params error: {name} must be a boolean");

    public int? Int32(string name)
    {
        if (!Has(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new ParamsErrorException($"params error: {name} must be an integer");
    }

    /// <summary>An array of objects (the orders of a batch).</summary>
    public IReadOnlyList<BodyReader> Objects(string name)
    {
        if (!Has(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new ParamsErrorException($"params error: {name} must be an array");
        }

        return [.. value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object
            ? new BodyReader(item)
            : throw new ParamsErrorException($"params error: every {name} item must be an object"))];
    }

    // Bybit treats an explicit null like an absent field.
    private bool Has(string name, out JsonElement value)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }
}
