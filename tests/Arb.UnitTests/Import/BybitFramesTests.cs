using Arb.Cli;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Import;

public sealed class BybitFramesTests
{
    private static string OneLine(string fixture) =>
        FixtureFiles.BybitText(fixture).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

    [Fact]
    public void Spot_frames_give_a_row_after_every_book_update()
    {
        using var run = new ImportRun();
        var frames = run.Write("spot.jsonl", string.Join('\n',
            OneLine("ws_subscribe_response_public_spot.docs.json"),
            OneLine("ws_orderbook_spot_snapshot.gocryptotrader.json"),
            OneLine("ws_pong_public_spot.docs.json"),
            OneLine("ws_orderbook_spot_delta.gocryptotrader.json")) + "\n");

        var (exit, rows, report) = run.Run(spot: [frames]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(
            [
                "timestamp,symbol,category,bid,bid_qty,ask,ask_qty,funding_rate,next_funding_time",
                "1731035685326,BTCUSDT,spot,75848.74,0.067669,75848.75,0.747137,,",
                "1731035685345,BTCUSDT,spot,75848.74,0.067669,75848.75,0.747137,,",
            ],
            rows);
        Assert.Contains("Bybit V5 WebSocket frames, timestamps in ms (frame ts); 2 rows", report, StringComparison.Ordinal);
        Assert.Contains("command response 1, pong 1", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Linear_rows_carry_the_latest_ticker_funding()
    {
        using var run = new ImportRun();
        var frames = run.Write("linear.jsonl", string.Join('\n',
            OneLine("ws_orderbook_linear_snapshot.thirdparty.json"),
            OneLine("ws_tickers_linear_snapshot.gocryptotrader.json"),
            OneLine("ws_orderbook_linear_snapshot.thirdparty.json")) + "\n");

        var (_, rows, _) = run.Run(perp: [frames]);

        // Before the ticker nothing is known; after it the fixture's fundingRate and nextFundingTime ride along.
        Assert.Equal("1773386409389,BTCUSDT,linear,71423.80,0.557,71423.90,4.669,,", rows[1]);
        Assert.Equal("1773386409389,BTCUSDT,linear,71423.80,0.557,71423.90,4.669,0.00008055,1715760000000", rows[2]);
    }

    [Fact]
    public void Gaps_and_malformed_frames_are_counted_with_their_line()
    {
        using var run = new ImportRun();
        const string snapshot = """{"topic":"orderbook.50.ETHUSDT","type":"snapshot","ts":1723161254000,"data":{"s":"ETHUSDT","b":[["100.0","1"]],"a":[["100.5","2"]],"u":10,"seq":1}}""";
        const string gap = """{"topic":"orderbook.50.ETHUSDT","type":"delta","ts":1723161254001,"data":{"s":"ETHUSDT","b":[["100.1","1"]],"a":[],"u":12,"seq":2}}""";
        var frames = run.Write("linear.jsonl", string.Join('\n', snapshot, gap, "{oops") + "\n");

        var (exit, rows, report) = run.Run(perp: [frames]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(2, rows.Length);
        Assert.Contains("dropped: book gap 1, malformed frame 1", report, StringComparison.Ordinal);
        Assert.Contains($"{frames}:2: book gap: ETHUSDT expected u=11, got u=12", report, StringComparison.Ordinal);
        Assert.Contains($"{frames}:3: malformed frame", report, StringComparison.Ordinal);
    }
}
