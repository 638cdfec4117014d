using System.IO.Compression;
using System.Text;
using Arb.Domain.Market;
using Arb.Engine.Backtest;

namespace Arb.UnitTests.Backtest;

public sealed class QuoteCsvReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arb-quotes-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string content, string name = "quotes.csv")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    private static List<QuoteRow> ReadAll(QuoteCsvReader reader, string path) => [.. reader.Read(path)];

    [Fact]
    public void Columns_in_any_order_with_every_optional_field()
    {
        var path = Write("""
            next_funding_time,ask_qty,category,ask,timestamp,funding_rate,bid,symbol,bid_qty
            1723104000000,2.5,linear,100.5,1723100000000,0.0001,100.4,BTCUSDT,1.5
            ,3,spot,100.2,1723100000100,,100.1,BTCUSDT,
            """);

        var rows = ReadAll(new QuoteCsvReader(), path);

        Assert.Equal(2, rows.Count);
        Assert.Equal(
            new QuoteRow("BTCUSDT", MarketCategory.Linear, 100.4m, 100.5m, 1.5m, 2.5m, 1723100000000, 0.0001m, 1723104000000, 2),
            rows[0]);
        Assert.Equal(
            new QuoteRow("BTCUSDT", MarketCategory.Spot, 100.1m, 100.2m, null, 3m, 1723100000100, null, null, 3),
            rows[1]);
    }

    [Fact]
    public void Only_the_required_columns_in_another_order()
    {
        var path = Write("""
            ask,symbol,bid
            10,ETHUSDT-PERP,9
            """);

        var row = Assert.Single(ReadAll(new QuoteCsvReader(), path));

        Assert.Equal("ETHUSDT", row.Symbol);
        Assert.Equal(MarketCategory.Linear, row.Category);
        Assert.Equal(9m, row.Bid);
        Assert.Equal(10m, row.Ask);
        Assert.Null(row.BidQty);
    }

    [Fact]
    public void Category_column_decides_even_when_symbols_look_like_the_convention()
    {
        var path = Write("""
            symbol,bid,ask,category
            BTCUSDT,1,2,Spot
            BTCUSDT,1,2,LINEAR
            """);

        var rows = ReadAll(new QuoteCsvReader(), path);

        Assert.Equal([MarketCategory.Spot, MarketCategory.Linear], rows.Select(r => r.Category));
        Assert.All(rows, r => Assert.Equal("BTCUSDT", r.Symbol));
    }

    [Fact]
    public void Without_category_the_perp_suffix_marks_linear_and_plain_symbols_are_spot()
    {
        var path = Write("""
            symbol,bid,ask
            BTCUSDT,100,101
            BTCUSDT-PERP,100.5,100.6
            ethusdt-perp,3,4
            """);

        var rows = ReadAll(new QuoteCsvReader(), path);

        Assert.Equal(
            [("BTCUSDT", MarketCategory.Spot), ("BTCUSDT", MarketCategory.Linear), ("ethusdt", MarketCategory.Linear)],
            rows.Select(r => (r.Symbol, r.Category)));
        Assert.Same(rows[0].Symbol, rows[1].Symbol);
    }

    [Fact]
    public void File_without_category_or_perp_suffix_is_rejected_with_the_fix()
    {
        var path = Write("""
            symbol,bid,ask
            BTCUSDT,100,101
            BTCUSDT,100.5,100.6
            """);

        var ex = Assert.Throws<QuoteDataException>(() => ReadAll(new QuoteCsvReader(), path));

        Assert.Equal(path, ex.FilePath);
        Assert.Null(ex.LineNumber);
        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be told apart", ex.Message, StringComparison.Ordinal);
        Assert.Contains("add a 'category' column", ex.Message, StringComparison.Ordinal);
        Assert.Contains("-PERP", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_column_is_rejected_naming_it()
    {
        var path = Write("""
            symbol,bid,category
            BTCUSDT,100,spot
            """);

        var ex = Assert.Throws<QuoteDataException>(() => ReadAll(new QuoteCsvReader(), path));

        Assert.Contains("ask", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamps_in_iso_8601_and_epoch_ms_mean_the_same_instant()
    {
        var path = Write("""
            timestamp,symbol,bid,ask,category
            2024-08-08T00:00:00Z,BTCUSDT,1,2,spot
            1723075200000,BTCUSDT,1,2,spot
            2024-08-08T00:00:00.250Z,BTCUSDT,1,2,spot
            2024-08-08T02:00:01+02:00,BTCUSDT,1,2,spot
            2024-08-08T00:00:02,BTCUSDT,1,2,spot
            """);

        var rows = ReadAll(new QuoteCsvReader(), path);

        Assert.Equal(
            new long?[] { 1723075200000, 1723075200000, 1723075200250, 1723075201000, 1723075202000 },
            rows.Select(r => r.TimestampMs));
    }

    [Fact]
    public void Next_funding_time_accepts_iso_8601()
    {
        var path = Write("""
            symbol,bid,ask,category,funding_rate,next_funding_time
            BTCUSDT,1,2,linear,-0.00005,2024-08-08T08:00:00Z
            """);

        var row = Assert.Single(ReadAll(new QuoteCsvReader(), path));

        Assert.Equal(-0.00005m, row.FundingRate);
        Assert.Equal(1723104000000, row.NextFundingTimeMs);
    }

    [Fact]
    public void Gzipped_file_is_read_directly()
    {
        var path = Path.Combine(_dir, "quotes.csv.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            var bytes = Encoding.UTF8.GetBytes("symbol,bid,ask,category,timestamp\nBTCUSDT,1,2,spot,5\nBTCUSDT,3,4,linear,6\n");
            gz.Write(bytes);
        }

        var rows = ReadAll(new QuoteCsvReader(), path);

        Assert.Equal(2, rows.Count);
        Assert.Equal(MarketCategory.Linear, rows[1].Category);
        Assert.Equal(3m, rows[1].Bid);
        Assert.Equal(6L, rows[1].TimestampMs);
        Assert.Equal(3, rows[1].LineNumber);
    }

    [Fact]
    public void Without_timestamps_rows_are_ticks_spaced_by_the_option()
    {
        var path = Write("""
            symbol,bid,ask,category
            BTCUSDT,1,2,spot
            BTCUSDT,1,2,linear
            BTCUSDT,1,2,spot
            """);

        Assert.Equal(
            new long?[] { 0, 100, 200 },
            ReadAll(new QuoteCsvReader(), path).Select(r => r.TimestampMs));
        Assert.Equal(
            new long?[] { 1000, 1250, 1500 },
            ReadAll(new QuoteCsvReader(tickSpacingMs: 250, startTimeMs: 1000), path).Select(r => r.TimestampMs));
        Assert.All(ReadAll(new QuoteCsvReader(tickSpacingMs: null), path), r => Assert.Null(r.TimestampMs));
    }

    public static TheoryData<string, BadRowReason> BadRows => new()
    {
        { "BTCUSDT,,2,spot,10,1,1", BadRowReason.MissingField },
        { ",1,2,spot,10,1,1", BadRowReason.MissingField },
        { "BTCUSDT,1", BadRowReason.MissingField },
        { "BTCUSDT,1,2,spot,,1,1", BadRowReason.MissingField },
        { "BTCUSDT,abc,2,spot,10,1,1", BadRowReason.NotANumber },
        { "BTCUSDT,1,2x,spot,10,1,1", BadRowReason.NotANumber },
        { "BTCUSDT,1,2,spot,10,one,1", BadRowReason.NotANumber },
        { "BTCUSDT,1,2,spot,yesterday,1,1", BadRowReason.NotANumber },
        { "BTCUSDT,3,2,spot,10,1,1", BadRowReason.BidAboveAsk },
        { "BTCUSDT,1,2,spot,10,-1,1", BadRowReason.NegativeQuantity },
        { "BTCUSDT,1,2,spot,10,1,-0.5", BadRowReason.NegativeQuantity },
        { "BTCUSDT,1,2,spot,4,1,1", BadRowReason.TimeWentBackwards },
        { "BTCUSDT,1,2,inverse,10,1,1", BadRowReason.UnknownCategory },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Bad_row_stops_the_read_naming_file_line_and_reason(string badRow, BadRowReason reason)
    {
        var path = Write($"""
            symbol,bid,ask,category,timestamp,bid_qty,ask_qty
            BTCUSDT,1,2,spot,5,1,1
            {badRow}
            BTCUSDT,1,2,spot,20,1,1
            """);
        var read = new List<QuoteRow>();

        var ex = Assert.Throws<QuoteDataException>(() =>
        {
            foreach (var row in new QuoteCsvReader().Read(path))
            {
                read.Add(row);
            }
        });

        Assert.Single(read);
        Assert.Equal(path, ex.FilePath);
        Assert.Equal(3, ex.LineNumber);
        Assert.Equal(reason, ex.Reason);
        Assert.StartsWith($"{path}:3: {reason}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_mode_skips_bad_rows_and_counts_them_by_reason()
    {
        var path = Write("""
            symbol,bid,ask,category,timestamp,bid_qty,ask_qty
            BTCUSDT,1,2,spot,10,1,1
            BTCUSDT,,2,spot,11,1,1
            BTCUSDT,x,2,spot,11,1,1
            BTCUSDT,3,2,spot,11,1,1
            BTCUSDT,1,2,spot,11,-1,1
            BTCUSDT,1,2,spot,9,1,1
            BTCUSDT,1,2,spot,8,1,1
            BTCUSDT,1,2,linear,12,1,1
            """);
        var reader = new QuoteCsvReader(skipBadRows: true);

        var rows = ReadAll(reader, path);

        Assert.Equal([2L, 9L], rows.Select(r => r.LineNumber));
        Assert.Equal(6, reader.SkippedRows);
        Assert.Equal(1, reader.SkippedByReason[BadRowReason.MissingField]);
        Assert.Equal(1, reader.SkippedByReason[BadRowReason.NotANumber]);
        Assert.Equal(1, reader.SkippedByReason[BadRowReason.BidAboveAsk]);
        Assert.Equal(1, reader.SkippedByReason[BadRowReason.NegativeQuantity]);
        Assert.Equal(2, reader.SkippedByReason[BadRowReason.TimeWentBackwards]);
        Assert.Equal(0, reader.SkippedByReason[BadRowReason.UnknownCategory]);
    }

    [Fact]
    public void Time_going_backwards_is_judged_against_the_last_good_row_and_equal_times_pass()
    {
        var path = Write("""
            symbol,bid,ask,category,timestamp
            BTCUSDT,1,2,spot,2024-08-08T00:00:01Z
            BTCUSDT,1,2,linear,2024-08-08T00:00:01Z
            BTCUSDT,1,2,spot,2024-08-08T00:00:00.999Z
            """);

        var ex = Assert.Throws<QuoteDataException>(() => ReadAll(new QuoteCsvReader(), path));

        Assert.Equal(BadRowReason.TimeWentBackwards, ex.Reason);
        Assert.Equal(4, ex.LineNumber);
    }

    [Fact]
    public void Each_file_starts_its_own_clock_and_skip_counts_add_up_across_files()
    {
        var first = Write("symbol,bid,ask,category,timestamp\nBTCUSDT,1,2,spot,100\nBTCUSDT,3,2,spot,101\n", "a.csv");
        var second = Write("symbol,bid,ask,category,timestamp\nBTCUSDT,1,2,spot,50\nBTCUSDT,1,x,spot,51\n", "b.csv");
        var reader = new QuoteCsvReader(skipBadRows: true);

        var rows = reader.ReadFiles([first, second]).ToList();

        Assert.Equal(new long?[] { 100, 50 }, rows.Select(r => r.TimestampMs));
        Assert.Equal(2, reader.SkippedRows);
    }
}
