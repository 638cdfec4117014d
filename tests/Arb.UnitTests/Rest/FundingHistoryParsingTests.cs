using Arb.Bybit.Rest;

namespace Arb.UnitTests.Rest;

public sealed class FundingHistoryParsingTests
{
    [Fact]
    public void Funding_history_rows_carry_symbol_rate_and_settlement_time()
    {
        var envelope = FixtureEnvelope.Load("rest_funding_history.docs.json");

        var row = Assert.Single(MarketParsers.ParseFundingHistory(envelope.Result));

        Assert.Equal("ETHPERP", row.Symbol);
        Assert.Equal(0.0001m, row.Rate);
        Assert.Equal(1672041600000, row.TimestampMs);
    }
}
