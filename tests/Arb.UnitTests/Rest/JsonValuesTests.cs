using System.Globalization;
using System.Text.Json;
using Arb.Bybit.Rest;

namespace Arb.UnitTests.Rest;

public sealed class JsonValuesTests
{
    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Fact]
    public void Absent_null_and_empty_values_are_missing()
    {
        var row = Parse("""{"a":"","b":null}""");

        Assert.Null(JsonValues.OptionalDecimal(row, "a"));
        Assert.Null(JsonValues.OptionalDecimal(row, "b"));
        Assert.Null(JsonValues.OptionalInt64(row, "c"));
        Assert.Throws<FormatException>(() => JsonValues.RequireDecimal(row, "a"));
    }

    [Fact]
    public void Numbers_and_strings_both_parse_and_keep_their_scale()
    {
        var row = Parse("""{"s":"1.2300","n":1.2300,"i":"42","j":42,"e":"1e-8"}""");

        Assert.Equal("1.2300", JsonValues.RequireDecimal(row, "s").ToString(CultureInfo.InvariantCulture));
        Assert.Equal("1.2300", JsonValues.RequireDecimal(row, "n").ToString(CultureInfo.InvariantCulture));
        Assert.Equal(42, JsonValues.RequireInt64(row, "i"));
        Assert.Equal(42, JsonValues.RequireInt64(row, "j"));
        Assert.Equal(0.00000001m, JsonValues.RequireDecimal(row, "e"));
    }

    [Fact]
    public void Garbage_is_a_format_error()
    {
        var row = Parse("""{"x":"12abc","o":{}}""");

        Assert.Throws<FormatException>(() => JsonValues.RequireDecimal(row, "x"));
        Assert.Throws<FormatException>(() => JsonValues.RequireInt64(row, "x"));
        Assert.Throws<FormatException>(() => JsonValues.OptionalString(row, "o"));
    }
}
