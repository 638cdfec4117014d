using System.Text.Json;
using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Streams;

/// <summary>
/// One <c>orderbook.{depth}.{symbol}</c> stream: the top levels last published, the update id, and the frames
/// that move subscribers from one to the next (a snapshot on subscribe, then deltas with only changed levels,
/// levels leaving the window as deletes; depth 1 is snapshot-only, as on Bybit).
/// </summary>
internal sealed class BookTopic
{
    private readonly SimBook _book;
    private readonly JsonFrames _frames = new();
    private List<(long Ticks, decimal Size)> _bids = [];
    private List<(long Ticks, decimal Size)> _asks = [];

    public BookTopic(string name, SimBook book, int depth, long firstUpdateId)
    {
        Name = name;
        _book = book;
        Depth = depth;
        UpdateId = firstUpdateId;
        Capture();
    }

    public string Name { get; }

    public int Depth { get; }

    public long UpdateId { get; private set; }

    /// <summary>
    /// When set, the next published delta skips one update id (the fault "skip a sequence number").
    /// </summary>
    public bool SkipNextUpdateId { get; set; }

    /// <summary>The full published state, for a new subscriber.</summary>
    public byte[] Snapshot(long nowMs) => Write("snapshot", _bids, _asks, nowMs);

    /// <summary>Publishes the book's current top levels; null when nothing in the window changed.</summary>
    public byte[]? Advance(long nowMs)
    {
        var oldBids = _bids;
        var oldAsks = _asks;
        Capture();
        var bidChanges = Diff(oldBids, _bids, isBid: true);
        var askChanges = Diff(oldAsks, _asks, isBid: false);
        if (bidChanges.Count == 0 && askChanges.Count == 0)
        {
            return null;
        }

        UpdateId += SkipNextUpdateId ? 2 : 1;
        SkipNextUpdateId = false;
        return Depth == 1 ? Write("snapshot", _bids, _asks, nowMs) : Write("delta", bidChanges, askChanges, nowMs);
    }

    private void Capture()
    {
        _bids = [.. _book.Bids.Top(Depth)];
        _asks = [.. _book.Asks.Top(Depth)];
    }

    // Levels in the new window with a new or changed size, and levels that left it with size 0.
    private static List<(long Ticks, decimal Size)> Diff(List<(long Ticks, decimal Size)> before, List<(long Ticks, decimal Size)> after, bool isBid)
    {
        var changes = new List<(long, decimal)>();
        var old = before.ToDictionary(l => l.Ticks, l => l.Size);
        foreach (var (ticks, size) in after)
        {
            if (!old.Remove(ticks, out var previous) || previous != size)
            {
                changes.Add((ticks, size));
            }
        }

        changes.AddRange(old.Select(l => (l.Key, 0m)));
        changes.Sort((a, b) => isBid ? b.Item1.CompareTo(a.Item1) : a.Item1.CompareTo(b.Item1));
        return changes;
    }

    private byte[] Write(string type, List<(long Ticks, decimal Size)> bids, List<(long Ticks, decimal Size)> asks, long nowMs)
    {
        var w = _frames.Begin();
        w.WriteStartObject();
        w.WriteString("topic", Name);

        // Spot puts ts before type; linear (depth > 1) puts type first. Clients must not care; we send both orders.
        if (_book.Category == MarketCategory.Spot || Depth == 1)
        {
            w.WriteNumber("ts", nowMs);
            w.WriteString("type", type);
        }
        else
        {
            w.WriteString("type", type);
            w.WriteNumber("ts", nowMs);
        }

        w.WriteStartObject("data");
        w.WriteString("s", _book.Symbol);
        WriteLevels(w, "b", bids);
        WriteLevels(w, "a", asks);
        w.WriteNumber("u", UpdateId);
        w.WriteNumber("seq", _book.Sequence);
        w.WriteEndObject();
        w.WriteNumber("cts", nowMs - 2);
        w.WriteEndObject();
        return _frames.End();
    }

    private void WriteLevels(Utf8JsonWriter w, string name, List<(long Ticks, decimal Size)> levels)
    {
        w.WriteStartArray(name);
        foreach (var (ticks, size) in levels)
        {
            w.WriteStartArray();
            w.WriteStringValue(JsonFrames.Number(_book.Price(ticks)));
            w.WriteStringValue(size == 0m ? "0" : JsonFrames.Number(size));
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
