using Arb.Cli.Replay;
using Arb.Domain.Market;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Replay;

public sealed class FrameReplayerTests
{
    private static string OneLine(string fixture) =>
        File.ReadAllText(FixtureFiles.BybitPath(fixture)).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

    private static (string Csv, string Errors, ReplaySummary Summary) Replay(MarketCategory category, params string[] lines)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var summary = new FrameReplayer(category, output, errors).Run(new StringReader(string.Join('\n', lines)));
        return (output.ToString(), errors.ToString(), summary);
    }

    [Fact]
    public void Writes_the_top_of_book_after_each_update_with_numbers_as_written()
    {
        var (csv, errors, summary) = Replay(
            MarketCategory.Spot,
            OneLine("ws_subscribe_response_public_spot.docs.json"),
            OneLine("ws_orderbook_spot_snapshot.gocryptotrader.json"),
            OneLine("ws_pong_public_spot.docs.json"),
            OneLine("ws_orderbook_spot_delta.gocryptotrader.json"));

        Assert.Equal(
            "ts,symbol,bid,bid_qty,ask,ask_qty\n" +
            "1731035685326,BTCUSDT,75848.74,0.067669,75848.75,0.747137\n" +
            "1731035685345,BTCUSDT,75848.74,0.067669,75848.75,0.747137\n",
            csv.ReplaceLineEndings("\n"));
        Assert.Equal(2, summary.Rows);
        Assert.Contains("2 rows, 0 gaps", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_zeros_are_kept()
    {
        var (csv, _, _) = Replay(MarketCategory.Linear, OneLine("ws_orderbook_linear_snapshot.thirdparty.json"));

        Assert.EndsWith("1773386409389,BTCUSDT,71423.80,0.557,71423.90,4.669\n", csv.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Gaps_resets_and_malformed_lines_are_reported_with_their_line_number()
    {
        const string snapshot = """{"topic":"orderbook.50.ETHUSDT","type":"snapshot","ts":1,"data":{"s":"ETHUSDT","b":[["100.0","1"]],"a":[["100.5","2"]],"u":10,"seq":1}}""";
        const string gap = """{"topic":"orderbook.50.ETHUSDT","type":"delta","ts":2,"data":{"s":"ETHUSDT","b":[["100.1","1"]],"a":[],"u":12,"seq":2}}""";
        const string whileStale = """{"topic":"orderbook.50.ETHUSDT","type":"delta","ts":3,"data":{"s":"ETHUSDT","b":[],"a":[],"u":13,"seq":3}}""";
        const string reset = """{"topic":"orderbook.50.ETHUSDT","type":"delta","ts":4,"data":{"s":"ETHUSDT","b":[["99.0","5"]],"a":[["99.5","6"]],"u":1,"seq":4}}""";

        var (csv, errors, summary) = Replay(MarketCategory.Linear, snapshot, "", gap, whileStale, "{oops", reset);

        Assert.Equal(
            "ts,symbol,bid,bid_qty,ask,ask_qty\n1,ETHUSDT,100.0,1,100.5,2\n4,ETHUSDT,99.0,5,99.5,6\n",
            csv.ReplaceLineEndings("\n"));
        Assert.Contains("line 3: ETHUSDT gap: expected u=11, got u=12", errors, StringComparison.Ordinal);
        Assert.Contains("line 5: malformed message skipped", errors, StringComparison.Ordinal);
        Assert.Contains("line 6: ETHUSDT book reset by the exchange (u=1)", errors, StringComparison.Ordinal);
        Assert.Equal(1, summary.Gaps);
        Assert.Equal(1, summary.Resets);
        Assert.Equal(1, summary.Malformed);
        Assert.Equal(1, summary.SkippedWhileStale);
    }

    [Fact]
    public void A_book_with_an_empty_side_prints_empty_cells()
    {
        const string snapshot = """{"topic":"orderbook.50.SOLUSDT","type":"snapshot","ts":7,"data":{"s":"SOLUSDT","b":[["150.12","3"]],"a":[],"u":5,"seq":1}}""";

        var (csv, _, _) = Replay(MarketCategory.Spot, snapshot);

        Assert.EndsWith("7,SOLUSDT,150.12,3,,\n", csv.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
