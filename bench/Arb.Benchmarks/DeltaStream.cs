using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Arb.Benchmarks;

/// <summary>
/// The recorded linear BTCUSDT orderbook.50 snapshot and a reproducible run of deltas after it, each about ten
/// levels like the recorded ones: size changes near the top, a level deleted and a new one inserted per side.
/// </summary>
internal static class DeltaStream
{
    public static (byte[] Snapshot, byte[][] Deltas) Create(string snapshotPath, int count, int seed = 42)
    {
        var snapshot = JsonNode.Parse(File.ReadAllText(snapshotPath))!.AsObject();
        var data = snapshot["data"]!;
        var u = data["u"]!.GetValue<long>();
        var bids = Levels(data["b"]!);
        var asks = Levels(data["a"]!);
        var random = new Random(seed);
        var deltas = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            u++;
            var b = Changes(bids, random, isBid: true);
            var a = Changes(asks, random, isBid: false);
            var json = $$$"""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":{{{1773386409407 + i}}},"data":{"s":"BTCUSDT","b":[{{{b}}}],"a":[{{{a}}}],"u":{{{u}}},"seq":{{{546137962186 + i}}}},"cts":{{{1773386409404 + i}}}}""";
            deltas[i] = Encoding.UTF8.GetBytes(json);
        }

        return (Encoding.UTF8.GetBytes(snapshot.ToJsonString()), deltas);
    }

    private static SortedDictionary<decimal, decimal> Levels(JsonNode side)
    {
        var levels = new SortedDictionary<decimal, decimal>();
        foreach (var level in side.AsArray())
        {
            levels[decimal.Parse(level![0]!.GetValue<string>(), CultureInfo.InvariantCulture)] =
                decimal.Parse(level[1]!.GetValue<string>(), CultureInfo.InvariantCulture);
        }

        return levels;
    }

    // Three size changes among the best ten, one deletion and one insertion deeper in: five levels per side.
    private static string Changes(SortedDictionary<decimal, decimal> side, Random random, bool isBid)
    {
        var ordered = isBid ? side.Keys.Reverse().ToList() : side.Keys.ToList();
        var parts = new List<string>();
        foreach (var price in ordered.Take(10).OrderBy(_ => random.Next()).Take(3))
        {
            var size = Math.Round((decimal)random.NextDouble() * 2m + 0.001m, 3);
            side[price] = size;
            parts.Add(Level(price, size));
        }

        var deleted = ordered[10 + random.Next(ordered.Count - 11)];
        side.Remove(deleted);
        parts.Add(Level(deleted, 0m));

        // Insert a level at a free tick inside the book's range, away from the top so the book never crosses.
        var worst = ordered[^1];
        decimal inserted;
        do
        {
            var ticks = 20 + random.Next(300);
            inserted = isBid ? ordered[0] - (ticks * 0.10m) : ordered[0] + (ticks * 0.10m);
        }
        while (side.ContainsKey(inserted) || (isBid ? inserted < worst : inserted > worst));

        var insertedSize = Math.Round((decimal)random.NextDouble() + 0.001m, 3);
        side[inserted] = insertedSize;
        parts.Add(Level(inserted, insertedSize));
        return string.Join(',', parts);
    }

    private static string Level(decimal price, decimal size) =>
        $"[\"{price.ToString("0.00", CultureInfo.InvariantCulture)}\",\"{size.ToString("0.000", CultureInfo.InvariantCulture)}\"]";
}
