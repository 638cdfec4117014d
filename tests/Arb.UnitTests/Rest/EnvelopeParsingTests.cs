using System.Text;
using Arb.Bybit.Rest;

namespace Arb.UnitTests.Rest;

public sealed class EnvelopeParsingTests
{
    [Fact]
    public void Market_time_fixture_gives_seconds_nanoseconds_and_envelope_time()
    {
        var envelope = FixtureEnvelope.Load("rest_market_time.docs.json");

        var time = MarketParsers.ParseServerTime(envelope.Result, envelope.TimeMs);

        Assert.Equal("OK", envelope.RetMessage);
        Assert.Equal(1688639403423, envelope.TimeMs);
        Assert.Equal(1688639403, time.TimeSecond);
        Assert.Equal(1688639403423213947, time.TimeNano);
        Assert.Equal(1688639403423, time.Instant.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void RetCode_and_time_written_as_strings_are_accepted()
    {
        // ccxt recordings turn numbers into strings.
        var envelope = FixtureEnvelope.Load("rest_tickers_linear.ccxt.json");

        Assert.Equal(0, envelope.RetCode);
        Assert.Equal(1707905549267, envelope.TimeMs);
    }

    [Fact]
    public void Error_envelope_keeps_code_and_message()
    {
        var body = """{"retCode":10006,"retMsg":"Too many visits!","result":{},"retExtInfo":{},"time":1}""";

        var envelope = ResponseEnvelope.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(10006, envelope.RetCode);
        Assert.Equal("Too many visits!", envelope.RetMessage);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"retMsg":"OK"}""")]
    public void Bodies_without_an_envelope_are_rejected(string body)
    {
        Assert.Throws<FormatException>(() => ResponseEnvelope.Parse(Encoding.UTF8.GetBytes(body)));
    }
}
