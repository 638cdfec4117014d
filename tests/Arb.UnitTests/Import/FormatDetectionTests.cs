using Arb.Cli;
using Arb.Cli.Import;

namespace Arb.UnitTests.Import;

public sealed class FormatDetectionTests
{
    private const string Header = "timestamp,symbol,category,bid,bid_qty,ask,ask_qty,funding_rate,next_funding_time";
    private const string BookTicker = """{"stream":"btcusdt@bookTicker","data":{"u":1,"s":"BTCUSDT","b":"61837.63000000","B":"3.78826000","a":"61837.64000000","A":"1.54698000"}}""";
    private const string Snapshot = """{"topic":"orderbook.50.ETHUSDT","type":"snapshot","ts":1723161254087,"data":{"s":"ETHUSDT","b":[["100.0","1"]],"a":[["100.5","2"]],"u":10,"seq":1}}""";

    [Theory]
    [InlineData("1723161254087891268 " + BookTicker, InputFormat.BinanceCapture)]
    [InlineData(Header, InputFormat.QuoteCsv)]
    [InlineData(Snapshot, InputFormat.BybitFrames)]
    [InlineData("""{"success":true,"ret_msg":"subscribe","conn_id":"x","op":"subscribe"}""", InputFormat.BybitFrames)]
    [InlineData("Symbol,Date,Funding Rate", null)]
    [InlineData("""{"hello":1}""", null)]
    public void The_first_line_names_the_format(string line, InputFormat? expected) =>
        Assert.Equal(expected, FormatDetector.Classify(line));

    [Fact]
    public void A_gzip_file_without_the_gz_extension_is_read_by_its_content()
    {
        using var run = new ImportRun();
        var spot = run.WriteGzip("capture.txt", "1723161254087891268 " + BookTicker + "\n");

        var (exit, rows, report) = run.Run(spot: [spot]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("1723161254087,BTCUSDT,spot,61837.63000000,3.78826000,61837.64000000,1.54698000,,", rows[1]);
        Assert.Contains("capture.txt (--spot): Binance WebSocket capture, gzip, timestamps in ns; 1 rows", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1723161254087891268", "ns")]
    [InlineData("1723161254087891", "us")]
    [InlineData("1723161254087", "ms")]
    public void Nanosecond_microsecond_and_millisecond_timestamps_give_the_same_milliseconds(string stamp, string unit)
    {
        using var run = new ImportRun();
        var spot = run.Write("capture", $"{stamp} {BookTicker}\n");

        var (_, rows, report) = run.Run(spot: [spot]);

        Assert.StartsWith("1723161254087,BTCUSDT,spot,", rows[1], StringComparison.Ordinal);
        Assert.Contains($"timestamps in {unit}", report, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_stops_with_exit_code_2_naming_the_file_and_what_was_expected()
    {
        using var run = new ImportRun();
        var spot = run.Write("prices.txt", "hello,world\n1,2\n");

        var (exit, _, report) = run.Run(spot: [spot]);

        Assert.Equal(ExitCodes.BadConfiguration, exit);
        Assert.Contains($"{spot}: unknown format, the first line starts 'hello,world'", report, StringComparison.Ordinal);
        Assert.Contains("expected a Binance capture", report, StringComparison.Ordinal);
        Assert.False(File.Exists(run.Out));
    }

    [Fact]
    public void A_missing_file_stops_with_exit_code_2()
    {
        using var run = new ImportRun();

        var (exit, _, report) = run.Run(perp: ["/nonexistent/capture.gz"]);

        Assert.Equal(ExitCodes.BadConfiguration, exit);
        Assert.Contains("/nonexistent/capture.gz: file not found", report, StringComparison.Ordinal);
    }
}
