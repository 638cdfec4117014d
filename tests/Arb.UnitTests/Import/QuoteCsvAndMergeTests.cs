using Arb.Cli;

namespace Arb.UnitTests.Import;

public sealed class QuoteCsvAndMergeTests
{
    private const string Header = "timestamp,symbol,category,bid,bid_qty,ask,ask_qty,funding_rate,next_funding_time";

    [Fact]
    public void Our_own_csv_passes_through_unchanged_and_its_category_column_wins()
    {
        using var run = new ImportRun();
        string[] lines =
        [
            Header,
            "1723161254087,BTCUSDT,spot,61837.63000000,3.78826000,61837.64000000,1.54698000,,",
            "1723161255088,BTCUSDT,linear,61800.20,2.507,61800.30,2.510,0.0001,1723190400000",
        ];
        var file = run.WriteGzip("recorded", string.Join('\n', lines) + "\n");

        var (exit, rows, report) = run.Run(spot: [file]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(lines, rows);
        Assert.Contains("quote CSV, gzip, timestamps in ms; 2 rows", report, StringComparison.Ordinal);
        Assert.Contains("1 rows are not --spot rows; their category column was kept", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rows_are_counted_by_reason_with_file_and_line()
    {
        using var run = new ImportRun();
        var file = run.Write("recorded.csv", string.Join('\n',
            Header,
            "1723161254087,BTCUSDT,spot,61837.63,1,61837.64,1,,",
            "1723161254088,BTCUSDT,spot,abc,1,61837.64,1,,",
            "1723161254089,BTCUSDT,futures,61837.63,1,61837.64,1,,",
            "1723161254090,BTCUSDT,spot,61837.65,1,61837.64,1,,",
            "1723161254091,BTCUSDT,spot,61837.63,1,61837.64,1,,") + "\n");

        var (_, rows, report) = run.Run(spot: [file]);

        Assert.Equal(3, rows.Length);
        Assert.Contains("dropped: bid above ask 1, not a number 1, unknown category 1", report, StringComparison.Ordinal);
        Assert.Contains($"{file}:3: not a number", report, StringComparison.Ordinal);
        Assert.Contains($"{file}:4: unknown category", report, StringComparison.Ordinal);
        Assert.Contains($"{file}:5: bid above ask", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_merge_in_time_order_with_spot_first_on_ties_and_backward_steps_clamped()
    {
        using var run = new ImportRun();
        const string ticker = """{"stream":"btcusdt@bookTicker","data":{"s":"BTCUSDT","b":"1.0","B":"1","a":"2.0","A":"1"}}""";
        var perp = run.Write("perp", string.Join('\n',
            "1723161254000000000 " + ticker,
            "1723161254005000000 " + ticker,
            "1723161254003000000 " + ticker) + "\n");
        var spot = run.Write("spot", string.Join('\n',
            "1723161254000000000 " + ticker,
            "1723161254004000000 " + ticker,
            "1723161254010000000 " + ticker) + "\n");

        var (_, rows, report) = run.Run(spot: [spot], perp: [perp]);

        Assert.Equal(
            ["1723161254000,spot", "1723161254000,linear", "1723161254004,spot", "1723161254005,linear", "1723161254005,linear", "1723161254010,spot"],
            rows.Skip(1).Select(r => string.Join(',', r.Split(',')[0], r.Split(',')[2])));
        Assert.Contains("time went backwards 1 times (largest 2 ms)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Symbols_outside_the_list_are_left_out_and_counted()
    {
        using var run = new ImportRun();
        var file = run.Write("recorded.csv", string.Join('\n',
            Header,
            "1723161254087,BTCUSDT,spot,1.0,1,2.0,1,,",
            "1723161254088,ETHUSDT,spot,1.0,1,2.0,1,,") + "\n");

        var (_, rows, report) = run.Run(spot: [file], symbols: "ethusdt");

        Assert.Equal(2, rows.Length);
        Assert.Contains(",ETHUSDT,", rows[1], StringComparison.Ordinal);
        Assert.Contains("1 rows of symbols not in --symbols left out", report, StringComparison.Ordinal);
    }
}
