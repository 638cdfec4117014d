using System.Globalization;
using System.Text.Json;

namespace Arb.UnitTests.Simulator;

public sealed class OrderBookEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("spot", null, 1)]
    [InlineData("linear", null, 25)]
    [InlineData("linear", 50, 50)]
    [InlineData("spot", 200, 200)]
    public async Task The_limit_sets_the_depth_of_each_side(string category, int? limit, int expectedDepth)
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);
        var query = $"/v5/market/orderbook?category={category}&symbol=BTCUSDT" + (limit is { } l ? $"&limit={l}" : string.Empty);

        var result = await host.ResultAsync(query, Ct);

        Assert.Equal("BTCUSDT", result.GetProperty("s").GetString());
        Assert.Equal(expectedDepth, result.GetProperty("b").GetArrayLength());
        Assert.Equal(expectedDepth, result.GetProperty("a").GetArrayLength());
    }

    [Fact]
    public async Task Levels_are_sorted_best_first_and_the_book_is_not_crossed()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);
        host.Advance(TimeSpan.FromSeconds(1), steps: 10);

        var result = await host.ResultAsync("/v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=100", Ct);

        var bids = Levels(result, "b");
        var asks = Levels(result, "a");
        Assert.True(bids.Zip(bids.Skip(1)).All(p => p.First.Price > p.Second.Price), "bids should fall strictly");
        Assert.True(asks.Zip(asks.Skip(1)).All(p => p.First.Price < p.Second.Price), "asks should rise strictly");
        Assert.True(bids[0].Price < asks[0].Price, $"best bid {bids[0].Price} should be below best ask {asks[0].Price}");
        Assert.All(bids.Concat(asks), level => Assert.True(level.Size > 0));
        Assert.Equal(host.Market.Find("BTCUSDT")!.Linear.BestBid, bids[0].Price);
    }

    [Fact]
    public async Task Prices_carry_the_tick_size_decimals()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);

        var result = await host.ResultAsync("/v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=10", Ct);

        // BTCUSDT linear tick 0.10: two decimals, the second always 0.
        Assert.All(result.GetProperty("b").EnumerateArray(), level => Assert.Matches(@"^\d+\.\d0$", level[0].GetString()!));
    }

    [Fact]
    public async Task Update_id_moves_with_market_steps_and_sequence_is_the_step_time()
    {
        await using var host = await SimRestHost.StartAsync(ct: Ct);
        const string Query = "/v5/market/orderbook?category=spot&symbol=ETHUSDT";

        var first = await host.ResultAsync(Query, Ct);
        var again = await host.ResultAsync(Query, Ct);
        host.Advance(TimeSpan.FromMilliseconds(50));
        var later = await host.ResultAsync(Query, Ct);

        Assert.Equal(1, first.GetProperty("u").GetInt64());
        Assert.Equal(1, again.GetProperty("u").GetInt64());
        Assert.Equal(2, later.GetProperty("u").GetInt64());
        Assert.Equal(host.Market.NowMs, later.GetProperty("seq").GetInt64());
        Assert.Equal(host.Market.NowMs, later.GetProperty("cts").GetInt64());
        Assert.True(later.GetProperty("ts").GetInt64() >= later.GetProperty("cts").GetInt64());
        Assert.True(later.GetProperty("seq").GetInt64() > first.GetProperty("seq").GetInt64());
    }

    private static List<(decimal Price, decimal Size)> Levels(JsonElement result, string side) =>
        [.. result.GetProperty(side).EnumerateArray().Select(level => (Parse(level[0]), Parse(level[1])))];

    private static decimal Parse(JsonElement text) =>
        decimal.Parse(text.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
}
