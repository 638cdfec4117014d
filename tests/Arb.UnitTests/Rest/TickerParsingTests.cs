using Arb.Bybit.Rest;
using Arb.Domain.Market;

namespace Arb.UnitTests.Rest;

public sealed class TickerParsingTests
{
    [Fact]
    public void Linear_ticker_has_top_of_book_mark_index_and_funding()
    {
        var envelope = FixtureEnvelope.Load("rest_tickers_linear.ccxt.json");

        var ticker = Assert.Single(MarketParsers.ParseTickers(envelope.Result, MarketCategory.Linear));

        Assert.Equal("BTCUSDT", ticker.Symbol);
        Assert.Equal(MarketCategory.Linear, ticker.Category);
        Assert.Equal(51444.40m, ticker.LastPrice);
        Assert.Equal(51444.30m, ticker.Bid1Price);
        Assert.Equal(55.841m, ticker.Bid1Size);
        Assert.Equal(51444.40m, ticker.Ask1Price);
        Assert.Equal(491.691m, ticker.Ask1Size);
        Assert.Equal(51444.40m, ticker.MarkPrice);
        Assert.Equal(51469.95m, ticker.IndexPrice);
        Assert.Equal(-0.00046295m, ticker.FundingRate);
        Assert.Equal(1707926400000, ticker.NextFundingTimeMs);
        // This 2024 recording predates fundingIntervalHour.
        Assert.Null(ticker.FundingIntervalHours);
    }

    [Fact]
    public void Spot_ticker_has_top_of_book_and_no_perpetual_fields()
    {
        var envelope = FixtureEnvelope.Load("rest_tickers_spot.docs.json");

        var ticker = Assert.Single(MarketParsers.ParseTickers(envelope.Result, MarketCategory.Spot));

        Assert.Equal("BTCUSDT", ticker.Symbol);
        Assert.Equal(20533.13m, ticker.LastPrice);
        Assert.Equal(20517.96m, ticker.Bid1Price);
        Assert.Equal(2m, ticker.Bid1Size);
        Assert.Equal(20527.77m, ticker.Ask1Price);
        Assert.Equal(1.862172m, ticker.Ask1Size);
        Assert.Null(ticker.MarkPrice);
        Assert.Null(ticker.IndexPrice);
        Assert.Null(ticker.FundingRate);
        Assert.Null(ticker.NextFundingTimeMs);
        Assert.Null(ticker.FundingIntervalHours);
    }

    [Fact]
    public void Inverse_ticker_parses_as_a_perpetual_and_shows_funding_interval_and_empty_fields()
    {
        // The docs have no linear REST example; the inverse one has the same perpetual fields,
        // including fundingIntervalHour and several "" values.
        var envelope = FixtureEnvelope.Load("rest_tickers_inverse.docs.json");

        var ticker = Assert.Single(MarketParsers.ParseTickers(envelope.Result, MarketCategory.Linear));

        Assert.Equal("BTCUSD", ticker.Symbol);
        Assert.Equal(120635.50m, ticker.LastPrice);
        Assert.Equal(103401.00m, ticker.Bid1Price);
        Assert.Equal(1063m, ticker.Bid1Size);
        Assert.Equal(109152.80m, ticker.Ask1Price);
        Assert.Equal(9854m, ticker.Ask1Size);
        Assert.Equal(114898.43m, ticker.MarkPrice);
        Assert.Equal(114890.92m, ticker.IndexPrice);
        Assert.Equal(0.0001m, ticker.FundingRate);
        Assert.Equal(1760371200000, ticker.NextFundingTimeMs);
        Assert.Equal(8, ticker.FundingIntervalHours);
    }
}
