using System.Globalization;
using Arb.Simulator.Market;

namespace Arb.UnitTests.Simulator;

public sealed class FundingHistoryEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Settled_rates_come_newest_first_with_the_model_values()
    {
        await using var host = await SettledHostAsync();

        var result = await host.ResultAsync("/v5/market/funding/history?category=linear&symbol=BTCUSDT", Ct);

        var settled = host.Market.Find("BTCUSDT")!.FundingHistory;
        Assert.True(settled.Count >= 4, $"expected at least 4 settlements, got {settled.Count}");
        var rows = result.GetProperty("list").EnumerateArray().ToList();
        Assert.Equal(settled.Count, rows.Count);
        Assert.Equal(
            settled.Reverse().Select(s => (s.Symbol, s.Rate, s.TimestampMs)),
            rows.Select(r => (
                r.GetProperty("symbol").GetString()!,
                decimal.Parse(r.GetProperty("fundingRate").GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture),
                long.Parse(r.GetProperty("fundingRateTimestamp").GetString()!, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Limit_and_time_window_select_the_newest_rows_inside_it()
    {
        await using var host = await SettledHostAsync();
        var stamps = host.Market.Find("ETHUSDT")!.FundingHistory.Select(s => s.TimestampMs).Reverse().ToList();

        var limited = await host.ResultAsync("/v5/market/funding/history?category=linear&symbol=ETHUSDT&limit=2", Ct);
        var upTo = await host.ResultAsync($"/v5/market/funding/history?category=linear&symbol=ETHUSDT&endTime={stamps[1]}", Ct);
        var window = await host.ResultAsync(
            $"/v5/market/funding/history?category=linear&symbol=ETHUSDT&startTime={stamps[2]}&endTime={stamps[1]}", Ct);

        Assert.Equal(stamps.Take(2), Stamps(limited));
        Assert.Equal(stamps.Skip(1), Stamps(upTo));
        Assert.Equal(stamps.Skip(1).Take(2), Stamps(window));
    }

    [Fact]
    public async Task An_unknown_symbol_gives_an_empty_list()
    {
        await using var host = await SettledHostAsync();

        var result = await host.ResultAsync("/v5/market/funding/history?category=linear&symbol=XRPUSDT", Ct);

        Assert.Equal(0, result.GetProperty("list").GetArrayLength());
    }

    private static IEnumerable<long> Stamps(System.Text.Json.JsonElement result) =>
        result.GetProperty("list").EnumerateArray()
            .Select(r => long.Parse(r.GetProperty("fundingRateTimestamp").GetString()!, CultureInfo.InvariantCulture));

    private static async Task<SimRestHost> SettledHostAsync()
    {
        var host = await SimRestHost.StartAsync(new SimMarketOptions { FundingInterval = TimeSpan.FromSeconds(1) }, Ct);
        host.Advance(TimeSpan.FromMilliseconds(250), steps: 20);
        return host;
    }
}
