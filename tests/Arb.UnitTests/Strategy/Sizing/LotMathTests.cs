using Arb.Strategy.Sizing;

namespace Arb.UnitTests.Strategy.Sizing;

public sealed class LotMathTests
{
    [Theory]
    [InlineData("0.000001", "0.001", "0.001")]
    [InlineData("0.001", "0.000001", "0.001")]
    [InlineData("0.01", "0.01", "0.01")]
    [InlineData("0.0010", "0.01", "0.01")]
    [InlineData("0.002", "0.003", "0.006")]
    [InlineData("0.04", "0.1", "0.2")]
    [InlineData("0.5", "0.2", "1")]
    [InlineData("2", "0.3", "6")]
    public void Common_step_is_the_coarser_power_of_ten_or_the_least_common_multiple(string a, string b, string expected)
    {
        Assert.Equal(decimal.Parse(expected), LotMath.CommonStep(decimal.Parse(a), decimal.Parse(b)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.001")]
    public void Common_step_rejects_non_positive_steps(string text)
    {
        var step = decimal.Parse(text);
        Assert.Throws<ArgumentOutOfRangeException>(() => LotMath.CommonStep(step, 0.001m));
        Assert.Throws<ArgumentOutOfRangeException>(() => LotMath.CommonStep(0.001m, step));
    }

    [Theory]
    [InlineData("0.6666666", "0.001", "0.666")]
    [InlineData("0.666", "0.001", "0.666")]
    [InlineData("0.0009", "0.001", "0")]
    [InlineData("0.5", "0.006", "0.498")]
    [InlineData("12.34", "5", "10")]
    public void Round_down_gives_the_largest_multiple_not_above(string quantity, string step, string expected)
    {
        Assert.Equal(decimal.Parse(expected), LotMath.RoundDown(decimal.Parse(quantity), decimal.Parse(step)));
    }

    [Fact]
    public void Round_down_never_exceeds_the_quantity_at_the_edge_of_decimal_precision()
    {
        // Steps and quantities with 28 significant digits, where the quotient itself has to be rounded.
        var step = 1m / 3m;
        decimal[] quantities = [step * 3m, 1m, 0.9999999999999999999999999999m, 2m / 3m, 7.0000000000000000000000000001m];
        foreach (var quantity in quantities)
        {
            var rounded = LotMath.RoundDown(quantity, step);
            Assert.True(rounded <= quantity, $"{rounded} > {quantity}");
            Assert.True(quantity - rounded < step, $"{quantity} rounded too far to {rounded}");
        }
    }
}
