using Arb.Cli.Run.Status;
using Arb.Engine.Trading;

namespace Arb.UnitTests.Cli;

public sealed class StatusFormatTests
{
    [Theory]
    [InlineData("1.234", "1.23")]
    [InlineData("-0.4", "-0.40")]
    [InlineData("-0.001", "0.00")]
    [InlineData("10012.345", "10012.35")]
    public void Money_has_two_decimals_and_no_negative_zero(string value, string expected) =>
        Assert.Equal(expected, StatusFormat.Money(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Bps_have_one_decimal_and_a_missing_value_is_blank_or_the_given_marker()
    {
        Assert.Equal("12.3", StatusFormat.Bps(12.34m));
        Assert.Equal("-2.0", StatusFormat.Bps(-2m));
        Assert.Equal("", StatusFormat.Bps(null));
        Assert.Equal("-", StatusFormat.Bps(null, "-"));
    }

    [Fact]
    public void Quantities_are_exact_and_signed_without_trailing_zeros()
    {
        Assert.Equal("0.01", StatusFormat.Quantity(0.0100m));
        Assert.Equal("-0.01", StatusFormat.Quantity(-0.01m));
        Assert.Equal("0.000123456789", StatusFormat.Quantity(0.000123456789m));
        Assert.Equal("0", StatusFormat.Quantity(-0.00m));
    }

    [Fact]
    public void Entry_price_is_blank_for_a_flat_leg()
    {
        Assert.Equal("65000.5", StatusFormat.EntryPrice(65000.50m, -0.01m));
        Assert.Equal("", StatusFormat.EntryPrice(0m, 0m));
    }

    [Fact]
    public void States_are_single_tokens() =>
        Assert.All(Enum.GetValues<SymbolTradingState>(), state => Assert.DoesNotContain(' ', StatusFormat.State(state)));

    [Fact]
    public void Time_is_shown_in_utc() =>
        Assert.Equal("2025-06-01 12:34:56 UTC", StatusFormat.Time(StatusSamples.Status.Time));
}
