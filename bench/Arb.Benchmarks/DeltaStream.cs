using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Arb.Benchmarks;

/// <summary>
/// A recorded orderbook.50 snapshot and a reproducible run of deltas after it, each about ten levels like the
/// recorded ones: size changes near the top, a level deleted and a new one inserted per side.
/// </summary>
internal static class DeltaStream
{
    /// <summary>The linear BTCUSDT stream: the recorded snapshot as it is, prices in ticks of 0.10, sizes in 0.001.</summary>
    public static (byte[] Snapshot, byte[][] Deltas) Create(string snapshotPath, int count, int seed = 42) =>
        Create(snapshotPath, count, DeltaFormat.Linear, seed);

    /// <summary>
    /// Any category's stream: <see cref="DeltaFormat.PriceShift"/> moves the whole snapshot (and so every delta
    /// after it) by a constant, to place one book against another; an unshifted snapshot is sent as recorded.
    /// </summary>
    public static (byte[] Snapshot, byte[][] Deltas) Create(string snapshotPath, int count, DeltaFormat format, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(format);
        var snapshot = JsonNode.Parse(File.ReadAllText(snapshotPath))!.AsObject();
        var data = snapshot["data"]!;
        var u = data["u"]!.GetValue<long>();
        var bids = Levels(data["b"]!, format.PriceShift);
        var asks = Levels(data["a"]!, format.PriceShift);
        if (format.PriceShift != 0m)
        {
            data["b"] = Side(bids.Reverse(), format);
            data["a"] = Side(asks, format);
        }

        var random = new Random(seed);
        var deltas = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            u++;
            var b = Changes(bids, random, isBid: true, format);
            var a = Changes(asks, random, isBid: false, format);
            var json = $$$"""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":{{{format.FirstTimestampMs + i}}},"data":{"s":"BTCUSDT","b":[{{{b}}}],"a":[{{{a}}}],"u":{{{u}}},"seq":{{{format.FirstSequence + i}}}},"cts":{{{format.FirstTimestampMs - 3 + i}}}}""";
            deltas[i] = Encoding.UTF8.GetBytes(json);
        }

        return (Encoding.UTF8.GetBytes(snapshot.ToJsonString()), deltas);
    }

    private static SortedDictionary<decimal, decimal> Levels(JsonNode side, decimal shift)
    {
        var levels = new SortedDictionary<decimal, decimal>();
        foreach (var level in side.AsArray())
        {
            levels[decimal.Parse(level![0]!.GetValue<string>(), CultureInfo.InvariantCulture) + shift] =
                decimal.Parse(level[1]!.GetValue<string>(), CultureInfo.InvariantCulture);
        }

        return levels;
    }

    private static JsonArray Side(IEnumerable<KeyValuePair<decimal, decimal>> levels, DeltaFormat format) =>
        [.. levels.Select(l => (JsonNode)new JsonArray(format.Price(l.Key), format.Size(l.Value)))];

    // Three size changes among the best ten, one deletion and one insertion deeper in: five levels per side.
    private static string Changes(SortedDictionary<decimal, decimal> side, Random random, bool isBid, DeltaFormat format)
    {
        var ordered = isBid ? side.Keys.Reverse().ToList() : side.Keys.ToList();
        var parts = new List<string>();
        foreach (var price in ordered.Take(10).OrderBy(_ => random.Next()).Take(3))
        {
            var size = Math.Round((decimal)random.NextDouble() * 2m + 0.001m, format.SizeDecimals);
            side[price] = size;
            parts.Add(Level(price, size, format));
        }

        var deleted = ordered[10 + random.Next(ordered.Count - 11)];
        side.Remove(deleted);
        parts.Add(Level(deleted, 0m, format));

        // Insert a level at a free tick inside the book's range, away from the top so the book never crosses.
        var worst = ordered[^1];
        decimal inserted;
        do
        {
            var ticks = 20 + random.Next(300);
            inserted = isBid ? ordered[0] - (ticks * format.Tick) : ordered[0] + (ticks * format.Tick);
        }
        while (side.ContainsKey(inserted) || (isBid ? inserted < worst : inserted > worst));

        var insertedSize = Math.Round((decimal)random.NextDouble() + 0.001m, format.SizeDecimals);
        side[inserted] = insertedSize;
        parts.Add(Level(inserted, insertedSize, format));
        return string.Join(',', parts);
    }

    private static string Level(decimal price, decimal size, DeltaFormat format) =>
        $"[\"{format.Price(price)}\",\"{format.Size(size)}\"]";
}

/// <summary>How one category's book frames look: the tick, how prices and sizes are written, the stream's counters.</summary>
/// <param name="PriceShift">Added to every price of the recorded snapshot.</param>
internal sealed record DeltaFormat(
    decimal Tick,
    string PriceFormat,
    int SizeDecimals,
    string SizeFormat,
    long FirstTimestampMs,
    long FirstSequence,
    decimal PriceShift = 0m)
{
    /// <summary>Linear BTCUSDT as recorded: "71423.80", "0.557".</summary>
    public static DeltaFormat Linear { get; } = new(0.10m, "0.00", 3, "0.000", 1773386409407, 546137962186);

    /// <summary>Spot BTCUSDT as recorded: tick 0.01, no trailing zeros ("75848.4", "0.00039").</summary>
    public static DeltaFormat Spot { get; } = new(0.01m, "0.##", 6, "0.######", 1731035685345, 47474967823);

    public string Price(decimal price) => price.ToString(PriceFormat, CultureInfo.InvariantCulture);

    public string Size(decimal size) => size.ToString(SizeFormat, CultureInfo.InvariantCulture);
}
