using Arb.Bybit.Rest;

namespace Arb.UnitTests.Rest;

public sealed class FeeRateParsingTests
{
    [Fact]
    public void Fee_rate_rows_parse_as_exact_fractions()
    {
        var envelope = FixtureEnvelope.Load("rest_fee_rate.docs.json");

        var rate = Assert.Single(AccountParsers.ParseFeeRates(envelope.Result));

        Assert.Equal(new FeeRate("ETHUSDT", 0.0006m, 0.0001m), rate);
    }
}
