using Arb.Domain.Market;
using Arb.Simulator.Market;
using Arb.Simulator.Quotes;

namespace Arb.UnitTests.Simulator;

public sealed class RecordedQuotesTests
{
    private const long Start = 1_767_225_600_000;

    private static IReadOnlyList<RecordedQuote> Parse(string csv) => RecordedQuoteFile.Read(new StringReader(csv), "quotes.csv");

    [Fact]
    public void Reads_the_backtester_columns_in_any_order_with_optional_sizes_and_timestamps()
    {
        var quotes = Parse("""
            category,ask,bid,symbol,timestamp,bid_qty,ask_qty
            spot,65000.02,65000.01,btcusdt,1767225600000,0.5,0.7
            linear,65010.1,65010.0,BTCUSDT,2026-01-01T00:00:00.250Z,,
            """);

        Assert.Equal(2, quotes.Count);
        Assert.Equal(new RecordedQuote(Start, "BTCUSDT", MarketCategory.Spot, 65000.01m, 65000.02m, 0.5m, 0.7m), quotes[0]);
        Assert.Equal(new RecordedQuote(Start + 250, "BTCUSDT", MarketCategory.Linear, 65010.0m, 65010.1m, null, null), quotes[1]);
    }

    [Theory]
    [InlineData("symbol,bid,ask\nBTCUSDT,1,2\n", "line 1: missing column 'category'")]
    [InlineData("symbol,bid,ask,category\nBTCUSDT,abc,2,spot\n", "line 2: bid \"abc\" is not a positive decimal")]
    [InlineData("symbol,bid,ask,category\nBTCUSDT,1,2,spot\nBTCUSDT,3,2,linear\n", "line 3: bid 3 is not below ask 2")]
    [InlineData("symbol,bid,ask,category\nBTCUSDT,1,2,futures\n", "line 2: category \"futures\" is not spot or linear")]
    [InlineData("symbol,bid,ask,category,timestamp\nBTCUSDT,1,2,spot,yesterday\n", "line 2: timestamp \"yesterday\"")]
    [InlineData("symbol,bid,ask,category\n", "no quote rows")]
    public void A_bad_file_names_the_line_and_what_is_wrong(string csv, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Parse(csv));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("quotes.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recorded_tops_drive_the_books_in_time_then_the_model_carries_on_from_them()
    {
        var market = new SimMarket([SimInstrument.Btc], new SimMarketOptions { Seed = 3 }, Start);
        market.ReplayQuotes(Parse("""
            timestamp,symbol,category,bid,ask,bid_qty,ask_qty
            1000,BTCUSDT,spot,70000.00,70000.01,0.4,0.6
            1000,BTCUSDT,linear,70100.0,70100.1,,
            1200,BTCUSDT,spot,70010.00,70010.02,,
            """));
        var btc = market.Find("BTCUSDT")!;

        market.Step(Start + 50);
        Assert.True(market.IsReplayingQuotes);
        Assert.Equal(70000.00m, btc.Spot.BestBid);
        Assert.Equal(70000.01m, btc.Spot.BestAsk);
        Assert.Equal(0.4m, btc.Spot.Bids[0].Size);
        Assert.Equal(0.6m, btc.Spot.Asks[0].Size);
        Assert.Equal(70100.0m, btc.Linear.BestBid);
        Assert.Equal(70100.1m, btc.Linear.BestAsk);

        market.Step(Start + 150);
        Assert.Equal(70000.00m, btc.Spot.BestBid); // the 1200 row is not due yet

        market.Step(Start + 250);
        Assert.Equal(70010.00m, btc.Spot.BestBid);
        Assert.Equal(70010.02m, btc.Spot.BestAsk);
        Assert.False(market.IsReplayingQuotes);

        market.Step(Start + 300); // recording over: the model moves on from the last recorded prices
        Assert.InRange(btc.Spot.BestBid!.Value, 69_900m, 70_100m);
        Assert.InRange(btc.Linear.BestBid!.Value, 69_900m, 70_300m);
    }
}
