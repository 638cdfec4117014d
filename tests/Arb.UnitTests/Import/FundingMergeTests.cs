using Arb.Cli;
using Arb.Cli.Import;

namespace Arb.UnitTests.Import;

public sealed class FundingMergeTests
{
    private const string Header = "timestamp,symbol,category,bid,bid_qty,ask,ask_qty,funding_rate,next_funding_time\n";

    private static string BybitBtcFunding() => ImportRun.DataPath(
        "funding_history_bybit_binance_btc_eth", "BTC-USDT", "BTC-USDT_bybit_2021-01-01_2024-01-01_funding_history.csv");

    [Fact]
    public void The_real_bybit_history_is_read_as_utc_plus_3_and_fills_the_next_settlement()
    {
        using var run = new ImportRun();

        // 2020-12-31 23:00 UTC, 2021-01-01 00:00 UTC (a settlement itself) and 07:59:59.999 UTC. The file's first rows are
        // "2021-01-01 03:00:00,0.00034729" and "2021-01-01 11:00:00,0.0001" in UTC+3.
        var quotes = run.Write("quotes.csv", Header +
            "1609455600000,BTCUSDT,linear,29000.5,1,29001.0,2,,\n" +
            "1609459200000,BTCUSDT,spot,29000.5,1,29001.0,2,,\n" +
            "1609459200000,BTCUSDT,linear,29000.5,1,29001.0,2,,\n" +
            "1609487999999,BTCUSDT,linear,29000.5,1,29001.0,2,,\n");

        var (exit, rows, report) = run.Run(perp: [quotes], funding: [BybitBtcFunding()]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("1609455600000,BTCUSDT,linear,29000.5,1,29001.0,2,0.00034729,1609459200000", rows[1]);
        Assert.Equal("1609459200000,BTCUSDT,spot,29000.5,1,29001.0,2,,", rows[2]);
        Assert.Equal("1609459200000,BTCUSDT,linear,29000.5,1,29001.0,2,0.0001,1609488000000", rows[3]);
        Assert.Equal("1609487999999,BTCUSDT,linear,29000.5,1,29001.0,2,0.0001,1609488000000", rows[4]);
        Assert.Contains("UTC offset +03:00 (inferred), 3285 events for BTCUSDT, 2021-01-01 00:00:00.000Z .. 2023-12-31 16:00:00.000Z; filled 3 linear rows", report, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_offset_is_used_instead_of_the_inferred_one()
    {
        using var run = new ImportRun();
        var quotes = run.Write("quotes.csv", Header + "1609455600000,BTCUSDT,linear,29000.5,1,29001.0,2,,\n");

        var (_, rows, report) = run.Run(perp: [quotes], funding: [BybitBtcFunding()], offset: "+00:00");

        // Read as UTC, "2021-01-01 03:00:00" is 03:00 UTC.
        Assert.EndsWith(",0.00034729,1609470000000", rows[1], StringComparison.Ordinal);
        Assert.Contains("UTC offset +00:00 (given)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_that_covers_none_of_the_quotes_is_a_warning_in_the_report()
    {
        using var run = new ImportRun();
        var quotes = run.Write("quotes.csv", Header + "1723161254087,BTCUSDT,linear,61800.2,2.507,61800.3,2.510,,\n");

        var (exit, rows, report) = run.Run(perp: [quotes], funding: [BybitBtcFunding()]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.EndsWith(",,", rows[1], StringComparison.Ordinal);
        Assert.Contains("warning: funding file", report, StringComparison.Ordinal);
        Assert.Contains("covers none of the quotes' span", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Times_at_mixed_phases_of_the_cycle_cannot_be_inferred_and_ask_for_the_option()
    {
        using var run = new ImportRun();
        var quotes = run.Write("quotes.csv", Header + "1609455600000,BTCUSDT,linear,29000.5,1,29001.0,2,,\n");
        var funding = run.Write("funding.csv", "Symbol,Date,Funding Rate\nBTC-USDT,2021-01-01 03:00:00,0.0001\nBTC-USDT,2021-01-01 12:00:00,0.0001\n");

        var (exit, _, report) = run.Run(perp: [quotes], funding: [funding]);

        Assert.Equal(ExitCodes.BadConfiguration, exit);
        Assert.Contains(funding, report, StringComparison.Ordinal);
        Assert.Contains("pass --funding-utc-offset", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 3, 11, 19 }, 3)]
    [InlineData(new[] { 0, 8, 16 }, 0)]
    [InlineData(new[] { 6, 14, 22 }, -2)]
    public void The_offset_is_the_shared_phase_of_the_eight_hour_cycle(int[] hours, int expectedHours)
    {
        var times = hours.Select(h => new DateTime(2023, 5, 1, h, 0, 0, 1, DateTimeKind.Unspecified));

        Assert.Equal(TimeSpan.FromHours(expectedHours), FundingOffset.Infer(times));
    }
}
