using System.Globalization;
using Arb.Engine.Backtest;

namespace Arb.UnitTests.Backtest.Perf;

/// <summary>
/// The quote reader's decimal parser must give exactly what <c>decimal.TryParse(Float, invariant)</c> gives: the same
/// success, value and scale (compared bit for bit), for plain numbers and for everything it hands back.
/// </summary>
public sealed class PlainDecimalTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+0")]
    [InlineData("0.0")]
    [InlineData("-0.000")]
    [InlineData("1")]
    [InlineData("+1.25")]
    [InlineData("-1.25")]
    [InlineData(".5")]
    [InlineData("-.5")]
    [InlineData("+.5")]
    [InlineData("5.")]
    [InlineData("1.50")]
    [InlineData("61837.63000000")]
    [InlineData("000123.4500")]
    [InlineData("0.00010000")]
    [InlineData("9999999999999999999")]
    [InlineData("18446744073709551615")]
    [InlineData("99999999999999999999")]
    [InlineData("1234567890123456789012345678")]
    [InlineData("12345678901234567890123456789")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("0.1234567890123456789012345678")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("1.0000000000000000000000000000")]
    [InlineData("1e5")]
    [InlineData("1.5E-3")]
    [InlineData(" 1.5")]
    [InlineData("1.5 ")]
    [InlineData("1,5")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData("--1")]
    [InlineData("1-")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("\u0661")]
    [InlineData("１")]
    public void Matches_decimal_TryParse(string text) => AssertSame(text);

    [Fact]
    public void Plain_numbers_take_the_fast_path_with_their_scale()
    {
        Assert.True(PlainDecimal.TryParsePlain("61837.63000000", out var price));
        Assert.Equal(8, price.Scale);
        Assert.Equal(61837.63m, price);
        Assert.True(PlainDecimal.TryParsePlain("-.5", out var half));
        Assert.Equal(-0.5m, half);
        Assert.False(PlainDecimal.TryParsePlain("1e5", out _));
        Assert.False(PlainDecimal.TryParsePlain("99999999999999999999", out _));
    }

    [Fact]
    public void Random_numbers_match_decimal_TryParse()
    {
        var random = new Random(3);
        for (var i = 0; i < 200_000; i++)
        {
            var intDigits = random.Next(0, 22);
            var fracDigits = random.Next(-1, 31);
            var chars = new List<char>();
            switch (random.Next(5))
            {
                case 0:
                    chars.Add('-');
                    break;
                case 1:
                    chars.Add('+');
                    break;
            }

            for (var k = 0; k < intDigits; k++)
            {
                chars.Add((char)('0' + random.Next(10)));
            }

            if (fracDigits >= 0)
            {
                chars.Add('.');
                for (var k = 0; k < fracDigits; k++)
                {
                    chars.Add((char)('0' + (random.Next(3) == 0 ? 0 : random.Next(10))));
                }
            }

            AssertSame(new string([.. chars]));
        }
    }

    private static void AssertSame(string text)
    {
        var expectedOk = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);
        var ok = PlainDecimal.TryParse(text, out var actual);
        Assert.True(expectedOk == ok, $"'{text}': decimal.TryParse says {expectedOk}, PlainDecimal {ok}");
        Assert.True(
            decimal.GetBits(expected).AsSpan().SequenceEqual(decimal.GetBits(actual)),
            $"'{text}': expected {expected} (scale {expected.Scale}), got {actual} (scale {actual.Scale})");
    }
}
