using Arb.Bybit.Rest;
using Arb.Domain.Trading;

namespace Arb.UnitTests.Rest;

public sealed class PositionParsingTests
{
    [Fact]
    public void Docs_short_position_has_a_negative_size_and_rest_avg_price()
    {
        var positions = PositionParsers.ParsePositions(FixtureEnvelope.Load("rest_position_list.docs.json").Result, out var next);

        Assert.Null(next);
        Assert.Equal(
            new PositionReport("BTCUSD", TradeSide.Sell, -300m, 27464.50441675m, 28224.50m, -0.00029413m, -0.00096902m, 10m),
            Assert.Single(positions));
    }

    [Fact]
    public void Ccxt_long_linear_position_parses_from_strings()
    {
        var positions = PositionParsers.ParsePositions(FixtureEnvelope.Load("rest_position_list_linear.ccxt.json").Result, out var next);

        Assert.Equal("LTCUSDT%2C1699948800031%2C0", next);
        Assert.Equal(
            new PositionReport("LTCUSDT", TradeSide.Buy, 1.2m, 64.59947917m, 71.1m, 7.800625m, -51.90142002m, 6m),
            Assert.Single(positions));
    }

    [Fact]
    public void A_flat_position_has_no_side_zero_size_and_zero_unrealised_pnl()
    {
        var positions = PositionParsers.ParsePositions(FixtureEnvelope.Load("rest_position_list_linear_flat.ccxt.json").Result, out _);

        Assert.Equal(
            new PositionReport("LTCUSDT", null, 0m, 0m, 68m, 0m, -46.02652648m, 6m),
            Assert.Single(positions));
    }
}
