using System.Globalization;
using System.Text.Json;
using Arb.Simulator.Market;

namespace Arb.UnitTests.Simulator;

public sealed class TickersEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Spot_rows_quote_the_book_tops_and_consistent_day_figures()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);
        host.Advance(TimeSpan.FromMinutes(1), steps: 20);

        var result = await host.ResultAsync("/v5/market/tickers?category=spot", Ct);

        Assert.Equal("spot", result.GetProperty("category").GetString());
        Assert.Equal(["BTCUSDT", "ETHUSDT"], result.GetProperty("list").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()));
        var row = result.GetProperty("list")[0];
        var book = host.Market.Find("BTCUSDT")!.Spot;
        Assert.Equal(book.BestBid, Number(row, "bid1Price"));
        Assert.Equal(book.BestAsk, Number(row, "ask1Price"));
        Assert.Equal(book.Bids[0].Size, Number(row, "bid1Size"));
        AssertDayFiguresConsistent(row, "65000.00", changeDecimals: 4);
        Assert.Equal("0", row.GetProperty("volume24h").GetString());
    }

    [Fact]
    public async Task Linear_rows_carry_mark_funding_and_the_interval_in_hours()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);
        host.Advance(TimeSpan.FromMinutes(1), steps: 20);

        var result = await host.ResultAsync("/v5/market/tickers?category=linear&symbol=ETHUSDT", Ct);

        var row = Assert.Single(result.GetProperty("list").EnumerateArray());
        var market = host.Market.Find("ETHUSDT")!;
        Assert.Equal(market.Linear.BestBid, Number(row, "bid1Price"));
        Assert.Equal(market.Linear.BestAsk, Number(row, "ask1Price"));
        Assert.Equal(market.MarkPrice, Number(row, "markPrice"));
        Assert.Equal(market.FundingRate, Number(row, "fundingRate"));
        Assert.Equal(market.NextFundingTimeMs.ToString(CultureInfo.InvariantCulture), row.GetProperty("nextFundingTime").GetString());
        Assert.Equal("8", row.GetProperty("fundingIntervalHour").GetString());
        Assert.Equal("0.00375", row.GetProperty("fundingCap").GetString());
        Assert.Equal(string.Empty, row.GetProperty("basis").GetString());
        AssertDayFiguresConsistent(row, "3200.00", changeDecimals: 6);
        Assert.Equal(row.GetProperty("prevPrice24h").GetString(), row.GetProperty("prevPrice1h").GetString());
    }

    [Fact]
    public async Task A_sub_hour_funding_interval_reads_as_one_hour()
    {
        await using var host = await SimRestHost.StartAsync(new SimMarketOptions { FundingInterval = TimeSpan.FromSeconds(1) }, Ct);

        var result = await host.ResultAsync("/v5/market/tickers?category=linear&symbol=BTCUSDT", Ct);

        Assert.Equal("1", result.GetProperty("list")[0].GetProperty("fundingIntervalHour").GetString());
    }

    [Fact]
    public async Task An_unknown_symbol_gives_an_empty_list()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var result = await host.ResultAsync("/v5/market/tickers?category=spot&symbol=NOPEUSDT", Ct);

        Assert.Equal(0, result.GetProperty("list").GetArrayLength());
    }

    private static void AssertDayFiguresConsistent(JsonElement row, string startPrice, int changeDecimals)
    {
        var bid = Number(row, "bid1Price");
        var ask = Number(row, "ask1Price");
        var last = Number(row, "lastPrice");
        var prev = Number(row, "prevPrice24h");
        Assert.Equal(startPrice, row.GetProperty("prevPrice24h").GetString());
        Assert.True(bid < ask, $"bid {bid} should be below ask {ask}");
        Assert.InRange(last, bid, ask);
        Assert.Equal(Math.Max(prev, last), Number(row, "highPrice24h"));
        Assert.Equal(Math.Min(prev, last), Number(row, "lowPrice24h"));
        Assert.Equal(Math.Round((last - prev) / prev, changeDecimals, MidpointRounding.AwayFromZero), Number(row, "price24hPcnt"));
    }

    private static decimal Number(JsonElement row, string name) =>
        decimal.Parse(row.GetProperty(name).GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
}
