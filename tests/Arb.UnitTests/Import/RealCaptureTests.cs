using System.Globalization;
using Arb.Cli;

namespace Arb.UnitTests.Import;

/// <summary>The hftbacktest Binance capture of 2024-08-08 (see shared/data/binance_spot_usdm_btc_eth_20240808/SOURCE.md).</summary>
public sealed class RealCaptureTests
{
    [Fact]
    public void The_btc_capture_gives_every_book_ticker_in_time_order()
    {
        using var run = new ImportRun();
        var spot = ImportRun.DataPath("binance_spot_usdm_btc_eth_20240808", "spot", "btcusdt_20240808.gz");
        var perp = ImportRun.DataPath("binance_spot_usdm_btc_eth_20240808", "usdm", "btcusdt_20240808.gz");

        var (exit, rows, report) = run.Run(spot: [spot], perp: [perp]);

        Assert.Equal(ExitCodes.Ok, exit);
        var data = rows.Skip(1).Select(r => r.Split(',')).ToList();
        var times = data.Select(c => long.Parse(c[0], CultureInfo.InvariantCulture)).ToList();

        // SOURCE.md: 28,040 spot and 66,089 USD-M bookTicker messages; none is dropped.
        Assert.Equal(28_040, data.Count(c => c[2] == "spot"));
        Assert.Equal(66_089, data.Count(c => c[2] == "linear"));
        Assert.Equal(28_040 + 66_089, data.Count);
        Assert.All(data, c => Assert.Equal("BTCUSDT", c[1]));
        Assert.Contains("wrote 94129 rows", report, StringComparison.Ordinal);
        Assert.Contains("dropped: 0 lines", report, StringComparison.Ordinal);
        Assert.Contains("skipped (not quotes): REST depth snapshot 1, depth 3451, trade 9757", report, StringComparison.Ordinal);
        Assert.Contains("skipped (not quotes): REST depth snapshot 1, depth 6551, trade 21313", report, StringComparison.Ordinal);

        for (var i = 1; i < times.Count; i++)
        {
            Assert.True(times[i] >= times[i - 1], $"row {i + 1} goes back in time");
        }

        // Span per SOURCE.md: 2024-08-08 23:54:13 .. 23:59:59 UTC (the first bookTicker comes a little after the first line).
        var first = DateTimeOffset.FromUnixTimeMilliseconds(times[0]);
        var last = DateTimeOffset.FromUnixTimeMilliseconds(times[^1]);
        Assert.Equal(new DateTimeOffset(2024, 8, 8, 23, 54, 14, 87, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2024, 8, 8, 23, 59, 59, 999, TimeSpan.Zero), last);
        Assert.Equal("1723161254087,BTCUSDT,spot,61837.63000000,3.78826000,61837.64000000,1.54698000,,", rows[1]);
    }
}
