using System.Globalization;
using System.Text;
using Arb.Bybit.Parsing;

namespace Arb.UnitTests.Parsing;

public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("71419.80")]
    [InlineData("0.00159")]
    [InlineData("75845.4")]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("-0.005")]
    [InlineData("0.000001")]
    [InlineData("1999999.80")]
    [InlineData("123456789012345678.9")]
    public void Keeps_the_value_and_the_scale_as_written(string text)
    {
        Assert.True(DecimalText.TryParse(Encoding.UTF8.GetBytes(text), out var value));

        Assert.Equal(decimal.Parse(text, CultureInfo.InvariantCulture), value);
        Assert.Equal(text, value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("12345678901234567890.123", "12345678901234567890.123")]
    [InlineData("1e-5", "0.00001")]
    public void Falls_back_to_the_framework_parser_for_long_or_exponent_forms(string text, string expected)
    {
        Assert.True(DecimalText.TryParse(Encoding.UTF8.GetBytes(text), out var value));

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("12a")]
    public void Rejects_what_is_not_a_number(string text)
    {
        Assert.False(DecimalText.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }
}
