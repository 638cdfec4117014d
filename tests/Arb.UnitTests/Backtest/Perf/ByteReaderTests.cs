using System.IO.Compression;
using System.Text;
using Arb.Engine.Backtest;

namespace Arb.UnitTests.Backtest.Perf;

/// <summary>
/// The reader's byte path (plain ASCII files) must give exactly what the Sep path gives: the same rows (values,
/// scales, symbols, categories, times, line numbers), the same skipped counts by reason, the same exceptions. A file
/// with CRLF line endings always takes the Sep path (its header holds a carriage return), so it is the reference.
/// </summary>
public sealed class ByteReaderTests : IDisposable
{
    private const string FullHeader = "timestamp,symbol,category,bid,bid_qty,ask,ask_qty,funding_rate,next_funding_time";

    private static readonly string[] OddRows =
    [
        "1000,BTCUSDT,spot,1.5,2,1.6,3,,",
        "1001,BTCUSDT,SPOT,1.5,2,1.6,3,,",
        "1002,ETHUSDT,Linear,2.50,1,2.60,1,0.0001,28800000",
        "1003, BTCUSDT ,spot, 1.5 ,2,1.6 ,3,,",
        "1004,BTCUSDT,spot,1e2,2,1.1e2,3,,",
        "1005,BTCUSDT,spot,-0,2,0,3,,",
        "1006,BTCUSDT,spot,5.,2,6.,3,,",
        "1007,BTCUSDT,spot,99999999999999999999,2,99999999999999999999.5,3,,",
        "1008,BTCUSDT,spot,1.5,2,1.4,3,,",
        "1009,BTCUSDT,spot,1.5,-2,1.6,3,,",
        "1010,BTCUSDT,spot,abc,2,1.6,3,,",
        "1011,BTCUSDT,spot,,2,1.6,3,,",
        "1012,,spot,1.5,2,1.6,3,,",
        "1013,BTCUSDT,,1.5,2,1.6,3,,",
        "1014,BTCUSDT,futures,1.5,2,1.6,3,,",
        "1015,BTCUSDT,spot,1.5,2,1.6,3,x,",
        "1016,BTCUSDT,spot,1.5,2,1.6,3,,soon",
        "1017,BTCUSDT,spot,1.5,2,1.6,3,,2024-08-08T00:00:00Z",
        ",BTCUSDT,spot,1.5,2,1.6,3,,",
        "999,BTCUSDT,spot,1.5,2,1.6,3,,",
        "2024-01-01T00:00:00Z,BTCUSDT,spot,1.5,2,1.6,3,,",
        "1018,BTCUSDT,spot",
        "1019,BTCUSDT,spot,1.5",
        "1020,BTCUSDT,spot,1.5,2,1.6",
        "1021,BTCUSDT,spot,1.5,2,1.6,3,,,extra,columns",
        "00001022,BTCUSDT,spot,+1.5,2,1.6,3,,",
        "1023,btcusdt,spot,1.5,2,1.6,3,,",
        "1024,BTCUSDT,spot,0.0000000000000000000000000001,0,1,0,,",
        "1025,BTCUSDT,spot,1.5,2,1.6,3,-0.00010000,1234567890123456789",
        "1026,BTCUSDT,spot,1.5,\t2,1.6,3,,",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("arb-bytes-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Byte_decimals_match_char_decimals()
    {
        var random = new Random(11);
        var alphabet = "0123456789.-+e ".ToCharArray();
        for (var i = 0; i < 100_000; i++)
        {
            var chars = new char[random.Next(0, 32)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)('0' + random.Next(10));
            }

            var text = new string(chars);
            var viaChars = PlainDecimal.TryParsePlain(text, out var a);
            var viaBytes = PlainDecimal.TryParsePlain(Encoding.ASCII.GetBytes(text), out var b);
            Assert.Equal(viaChars, viaBytes);
            Assert.Equal(decimal.GetBits(a), decimal.GetBits(b));
        }
    }

    [Fact]
    public void Skip_mode_gives_the_Sep_paths_rows_and_counts()
    {
        var lines = RandomRows(new Random(5), 3000);
        var (plain, reference) = WriteBoth(FullHeader, lines);

        AssertSameRead(plain, reference);
    }

    [Fact]
    public void Files_without_category_or_timestamp_match()
    {
        var random = new Random(9);
        var lines = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            var symbol = random.Next(3) switch { 0 => "BTCUSDT", 1 => "BTCUSDT-PERP", _ => "ethusdt-perp" };
            var bid = random.Next(1, 1000);
            lines.Add(random.Next(20) == 0 ? $"{symbol},{bid}.5,{bid}" : $"{symbol},{bid}.25,{bid}.50,1.{i}");
        }

        var (plain, reference) = WriteBoth("symbol,bid,ask,ask_qty", lines);

        AssertSameRead(plain, reference);
    }

    [Fact]
    public void Long_lines_and_many_columns_match()
    {
        var lines = RandomRows(new Random(17), 600);
        lines.Insert(100, "1001,BTCUSDT,spot,1.5,2,1.6,3,," + new string(',', 400) + "tail");
        lines.Insert(300, "1002,BTCUSDT,spot,1.5,2,1.6,3,,," + new string('x', 200_000));
        lines.Add("1003,BTCUSDT,spot,1.5,2,1.6,3,,");
        var (plain, reference) = WriteBoth(FullHeader, lines);
        var noFinalNewline = Path.Combine(_dir, "last.csv");
        File.WriteAllText(noFinalNewline, FullHeader + "\n" + string.Join("\n", lines));

        AssertSameRead(plain, reference);
        AssertSameRead(noFinalNewline, reference);
    }

    [Fact]
    public void Strict_mode_throws_the_same_error_for_every_odd_row()
    {
        foreach (var odd in OddRows)
        {
            var (plain, reference) = WriteBoth(FullHeader, ["1,BTCUSDT,spot,1.5,2,1.6,3,,", odd, "5000,BTCUSDT,spot,1.5,2,1.6,3,,"]);
            var expected = Outcome(reference);
            var actual = Outcome(plain);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void A_quoted_field_mid_file_hands_over_to_Sep_without_repeating_rows()
    {
        var lines = RandomRows(new Random(7), 400);
        lines.Insert(200, "1500,\"BTCUSDT\",spot,1.5,2,1.6,3,,");
        lines.Insert(300, "1600,BTCUSDT,spot,\"1,5\",2,1.6,3,,");
        var (plain, reference) = WriteBoth(FullHeader, lines);

        AssertSameRead(plain, reference);
        var reader = new QuoteCsvReader(skipBadRows: true);
        _ = reader.Read(plain).Count();
        Assert.Equal(new FileInfo(plain).Length, reader.BytesRead);
    }

    [Fact]
    public void Pushed_rows_are_the_enumerated_rows()
    {
        var lines = RandomRows(new Random(19), 2000);
        lines.Insert(1500, "1500,\"BTCUSDT\",spot,1.5,2,1.6,3,,");
        var (plain, reference) = WriteBoth(FullHeader, lines);
        foreach (var path in new[] { plain, reference })
        {
            var enumerated = new QuoteCsvReader(skipBadRows: true);
            var expected = enumerated.Read(path).Select(Describe).ToList();
            var pushed = new QuoteCsvReader(skipBadRows: true);
            var actual = new List<string>();
            pushed.ReadInto(path, (in QuoteRow row) => actual.Add(Describe(row)));

            Assert.Equal(expected, actual);
            Assert.Equal(enumerated.SkippedByReason, pushed.SkippedByReason);
            Assert.Equal(enumerated.BytesRead, pushed.BytesRead);
        }

        var (strictPlain, _) = WriteBoth(FullHeader, ["1,BTCUSDT,spot,1.5,2,1.6,3,,", "2,BTCUSDT,spot,abc,2,1.6,3,,"]);
        var ex = Assert.Throws<QuoteDataException>(() => new QuoteCsvReader().ReadInto(strictPlain, (in QuoteRow _) => { }));
        Assert.Equal(3, ex.LineNumber);
        Assert.Equal(BadRowReason.NotANumber, ex.Reason);
    }

    [Fact]
    public void Gzip_and_a_byte_order_mark_read_the_same()
    {
        var lines = RandomRows(new Random(13), 1000);
        var (plain, reference) = WriteBoth(FullHeader, lines);
        var gz = Path.Combine(_dir, "quotes.csv.gz");
        using (var output = File.Create(gz))
        using (var zip = new GZipStream(output, CompressionLevel.Fastest))
        {
            zip.Write(File.ReadAllBytes(plain));
        }

        var bom = Path.Combine(_dir, "bom.csv");
        File.WriteAllBytes(bom, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(plain)]);

        AssertSameRead(gz, reference);
        AssertSameRead(bom, reference);
        var reader = new QuoteCsvReader(skipBadRows: true);
        _ = reader.Read(gz).Count();
        Assert.Equal(new FileInfo(gz).Length, reader.BytesRead);
    }

    private static List<string> RandomRows(Random random, int count)
    {
        var lines = new List<string>();
        long time = 1000;
        for (var i = 0; i < count; i++)
        {
            time += random.Next(0, 3);
            if (random.Next(8) == 0)
            {
                lines.Add(OddRows[random.Next(OddRows.Length)]);
                continue;
            }

            var symbol = random.Next(2) == 0 ? "BTCUSDT" : "ETHUSDT";
            var linear = random.Next(2) == 0;
            var bid = $"{random.Next(1, 70000)}.{random.Next(0, 100_000_000):D8}";
            var ask = $"{random.Next(70000, 80000)}.{random.Next(0, 100):D2}";
            var funding = linear && random.Next(3) == 0 ? $"0.000{random.Next(0, 100)}" : "";
            var next = funding.Length > 0 ? "1723190400000" : "";
            lines.Add($"{time},{symbol},{(linear ? "linear" : "spot")},{bid},{random.Next(0, 10)}.{random.Next(0, 1000)},{ask},{random.Next(0, 10)},{funding},{next}");
        }

        return lines;
    }

    private (string Plain, string Reference) WriteBoth(string header, IReadOnlyList<string> lines)
    {
        var name = Guid.NewGuid().ToString("N");
        var plain = Path.Combine(_dir, name + ".csv");
        var reference = Path.Combine(_dir, name + "-crlf.csv");
        File.WriteAllText(plain, header + "\n" + string.Join("\n", lines) + "\n");
        File.WriteAllText(reference, header + "\r\n" + string.Join("\r\n", lines) + "\r\n");
        return (plain, reference);
    }

    private static void AssertSameRead(string actualPath, string referencePath)
    {
        var expectedReader = new QuoteCsvReader(skipBadRows: true);
        var expected = expectedReader.Read(referencePath).ToList();
        var actualReader = new QuoteCsvReader(skipBadRows: true);
        var actual = actualReader.Read(actualPath).ToList();

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(Describe(expected[i]), Describe(actual[i]));
        }

        Assert.Equal(expectedReader.SkippedByReason, actualReader.SkippedByReason);
    }

    // Record equality compares decimals by value; this also compares their scales.
    private static string Describe(QuoteRow row) =>
        FormattableString.Invariant(
            $"{row.Symbol}|{row.Category}|{row.Bid}|{row.Ask}|{row.BidQty}|{row.AskQty}|{row.TimestampMs}|{row.FundingRate}|{row.NextFundingTimeMs}|{row.LineNumber}");

    private static string Outcome(string path)
    {
        try
        {
            return string.Join(";", new QuoteCsvReader().Read(path).Select(Describe));
        }
        catch (QuoteDataException ex)
        {
            return $"{ex.LineNumber}|{ex.Reason}|{ex.Message.Replace(path, "", StringComparison.Ordinal)}";
        }
    }
}
