using System.Globalization;
using Arb.Domain.Market;
using Microsoft.AspNetCore.Http;

namespace Arb.Simulator.Rest;

/// <summary>
/// Reads the query of a market request and turns every missing or malformed parameter into a
/// <see cref="ParamsErrorException"/>, so handlers see only valid values.
/// </summary>
internal readonly struct QueryReader(IQueryCollection query)
{
    /// <summary>The parameter's value, or null when it is absent or empty (Bybit treats both as "not given").</summary>
    public string? Optional(string name)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            throw new ParamsErrorException($"params error: {name} is given more than once");
        }

        var value = values.ToString();
        return value.Length == 0 ? null : value;
    }

    public string Required(string name) =>
        Optional(name) ?? throw new ParamsErrorException($"params error: {name} is required");

    /// <summary>The category, which must be one the simulator lists (lowercase, as Bybit spells it).</summary>
    public MarketCategory Category()
    {
        var text = Required("category");
        return text switch
        {
            "spot" => MarketCategory.Spot,
            "linear" => MarketCategory.Linear,
            _ => throw new ParamsErrorException($"params error: category '{text}' is not supported (spot, linear)"),
        };
    }

    public int? Int32(string name, int min, int max)
    {
        if (Optional(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ParamsErrorException($"params error: {name} must be an integer in [{min}, {max}], got '{text}'");
    }

    public long? Int64(string name)
    {
        if (Optional(name) is not { } text)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ParamsErrorException($"params error: {name} must be a non-negative integer, got '{text}'");
    }
}
