using System.Globalization;
using System.Text;
using Arb.Bybit.Parsing;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Parsing;

/// <summary>
/// The order-book fast path must never disagree with the Utf8JsonReader parser: whatever it accepts, the reader
/// must parse to exactly the same message, and whatever the reader rejects, it must decline.
/// </summary>
public sealed class OrderBookFastPathTests
{
    private static readonly string[] BookFixtures =
    [
        "ws_orderbook_linear_snapshot.thirdparty.json",
        "ws_orderbook_linear_delta.thirdparty.json",
        "ws_orderbook_linear_delta.docs.json",
        "ws_orderbook_spot_snapshot.gocryptotrader.json",
        "ws_orderbook_spot_delta.gocryptotrader.json",
    ];

    public static TheoryData<string> Fixtures => [.. BookFixtures];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Accepts_every_recorded_book_frame_and_agrees_with_the_reader(string fixture)
    {
        var frame = FixtureFiles.BybitBytes(fixture);
        var fast = new PublicMessage();

        Assert.True(OrderBookFastPath.TryParse(frame, fast), "the fast path declined a recorded frame");
        AssertSameAsReader(frame, fast);
    }

    [Fact]
    public void Declines_what_it_does_not_handle_so_the_reader_decides()
    {
        string[] declined =
        [
            """{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":"1","data":{"s":"BTCUSDT","b":[],"a":[],"u":5}}""",  // string number
            """{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"s":"BTC\u0055SDT","b":[],"a":[],"u":5}}""", // escape
            """{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"b":[["1","2","3"]],"a":[],"u":5}}""",        // extra element
            """{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"b":[],"a":[],"u":5,"u":6}}""",               // duplicate key
            """{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"b":[["1e3","2"]],"a":[],"u":5}}""",          // exponent
            """{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"b":[],"a":[],"u":5}} x""",                   // trailing bytes
            """{"topic":"tickers.BTCUSDT","type":"delta","ts":1,"data":{"symbol":"BTCUSDT"}}""",                           // another topic
            """{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":01,"data":{"b":[],"a":[],"u":5}}""",                    // leading zero
        ];

        foreach (var json in declined)
        {
            Assert.False(OrderBookFastPath.TryParse(Encoding.UTF8.GetBytes(json), new PublicMessage()), json);
        }
    }

    [Fact]
    public void Every_truncation_and_single_byte_corruption_is_either_declined_or_read_identically()
    {
        byte[] replacements = [(byte)'"', (byte)',', (byte)':', (byte)']', (byte)'[', (byte)'}', (byte)'{', (byte)'0', (byte)'9',
            (byte)'.', (byte)'-', (byte)'x', (byte)' ', (byte)'\\', 0x80, 0x00];
        var accepted = 0;
        foreach (var fixture in BookFixtures.Where(f => !f.Contains("snapshot", StringComparison.Ordinal)))
        {
            var original = FixtureFiles.BybitBytes(fixture);
            for (var cut = 0; cut < original.Length; cut++)
            {
                accepted += CheckAgreement(original.AsSpan(0, cut).ToArray());
            }

            for (var at = 0; at < original.Length; at++)
            {
                foreach (var b in replacements)
                {
                    var corrupted = (byte[])original.Clone();
                    corrupted[at] = b;
                    accepted += CheckAgreement(corrupted);
                }
            }
        }

        Assert.True(accepted > 100, $"only {accepted} variants were accepted: the check exercised too little");
    }

    [Fact]
    public void Random_frames_in_any_key_order_and_spacing_agree_with_the_reader()
    {
        var random = new Random(7);
        for (var n = 0; n < 2_000; n++)
        {
            var frame = Encoding.UTF8.GetBytes(RandomFrame(random));
            var fast = new PublicMessage();
            Assert.True(OrderBookFastPath.TryParse(frame, fast), Encoding.UTF8.GetString(frame));
            AssertSameAsReader(frame, fast);
        }
    }

    private static int CheckAgreement(byte[] frame)
    {
        var fast = new PublicMessage();
        if (!OrderBookFastPath.TryParse(frame, fast))
        {
            return 0;
        }

        AssertSameAsReader(frame, fast);
        return 1;
    }

    private static void AssertSameAsReader(byte[] frame, PublicMessage fast)
    {
        var reference = new PublicMessage();
        var kind = PublicMessageParser.ParseWithReader(frame, reference);

        var text = Encoding.UTF8.GetString(frame);
        Assert.True(kind == PublicMessageKind.OrderBook, $"the reader says {kind} ({reference.Error}) for: {text}");
        Assert.Equal(reference.IsSnapshot, fast.IsSnapshot);
        Assert.Equal(reference.TimestampMs, fast.TimestampMs);
        Assert.Equal(reference.EngineTimestampMs, fast.EngineTimestampMs);
        Assert.Equal(reference.UpdateId, fast.UpdateId);
        Assert.Equal(reference.Sequence, fast.Sequence);
        Assert.Equal(reference.Symbol.ToArray(), fast.Symbol.ToArray());
        Assert.Equal(Describe(reference.Bids), Describe(fast.Bids));
        Assert.Equal(Describe(reference.Asks), Describe(fast.Asks));
    }

    // Includes the written scale and the key, not just the numeric values.
    private static string[] Describe(LevelBuffer levels) =>
        [.. levels.Span.ToArray().Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Price}|{l.Size}|{l.Key}"))];

    private static string RandomFrame(Random random)
    {
        string Ws() => random.Next(4) == 0 ? new string(' ', random.Next(1, 3)) + (random.Next(2) == 0 ? "\n" : "") : "";
        string Number() => random.Next(3) switch
        {
            0 => random.Next(1, 100_000).ToString(CultureInfo.InvariantCulture),
            1 => (random.Next(1, 10_000_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture),
            _ => (random.Next(0, 1_000_000) / 1_000_000m).ToString("0.000###", CultureInfo.InvariantCulture),
        };
        string Levels() => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 12))
            .Select(_ => $"{Ws()}[{Ws()}\"{(random.Next(1, 1_000_000) / 100m).ToString(CultureInfo.InvariantCulture)}\"{Ws()},{Ws()}\"{Number()}\"{Ws()}]")) + "]";

        var data = new List<string>
        {
            $"\"s\":{Ws()}\"BTCUSDT\"",
            $"\"b\":{Ws()}{Levels()}",
            $"\"a\":{Ws()}{Levels()}",
            $"\"u\":{Ws()}{random.NextInt64(1, 10_000_000_000)}",
        };
        if (random.Next(2) == 0)
        {
            data.Add($"\"seq\":{random.NextInt64(1, 100_000_000_000)}");
        }

        var top = new List<string>
        {
            $"\"topic\":{Ws()}\"orderbook.50.BTCUSDT\"",
            $"\"type\":\"{(random.Next(2) == 0 ? "snapshot" : "delta")}\"",
            $"\"ts\":{random.NextInt64(1, 2_000_000_000_000)}",
            $"\"data\":{Ws()}{{{string.Join(",", data.OrderBy(_ => random.Next()).Select(d => Ws() + d + Ws()))}}}",
        };
        if (random.Next(2) == 0)
        {
            top.Add($"\"cts\":{random.NextInt64(1, 2_000_000_000_000)}");
        }

        return Ws() + "{" + string.Join(",", top.OrderBy(_ => random.Next()).Select(t => Ws() + t + Ws())) + "}" + Ws();
    }
}
