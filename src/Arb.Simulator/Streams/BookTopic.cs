using System.Globalization;
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
    private List<(long Ticks, decimal Size)> _spareBids = [];
    private List<(long Ticks, decimal Size)> _spareAsks = [];
    private readonly List<(long Ticks, decimal Size)> _bidChanges = [];
    private readonly List<(long Ticks, decimal Size)> _askChanges = [];

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

    // Depth 1 re-sends an unchanged snapshot (same u) after this long, as Bybit does.
    private const long QuietResendMs = 3_000;
    private long _lastPublishedMs = long.MinValue;

    /// <summary>
    /// When set, the next published delta skips one update id (the fault "skip a sequence number").
    /// </summary>
    public bool SkipNextUpdateId { get; set; }

    /// <summary>The full published state, for a new subscriber.</summary>
    public byte[] Snapshot(long nowMs) => Write("snapshot", _bids, _asks, nowMs);

    /// <summary>Publishes the book's current top levels; null when nothing in the window changed.</summary>
    public byte[]? Advance(long nowMs)
    {
        // Double buffers: the previous window becomes the spare for the next step.
        (_bids, _spareBids) = (_spareBids, _bids);
        (_asks, _spareAsks) = (_spareAsks, _asks);
        Capture();
        var bidChanges = Diff(_spareBids, _bids, isBid: true, _bidChanges);
        var askChanges = Diff(_spareAsks, _asks, isBid: false, _askChanges);
        if (bidChanges.Count == 0 && askChanges.Count == 0)
        {
            if (Depth == 1 && _lastPublishedMs != long.MinValue && nowMs - _lastPublishedMs >= QuietResendMs)
            {
                _lastPublishedMs = nowMs;
                return Write("snapshot", _bids, _asks, nowMs);
            }

            return null;
        }

        UpdateId += SkipNextUpdateId ? 2 : 1;
        SkipNextUpdateId = false;
        _lastPublishedMs = nowMs;
        return Depth == 1 ? Write("snapshot", _bids, _asks, nowMs) : Write("delta", bidChanges, askChanges, nowMs);
    }

    private void Capture()
    {
        _book.Bids.CopyTop(Depth, _bids);
        _book.Asks.CopyTop(Depth, _asks);
    }

    // Levels in the new window with a new or changed size, and levels that left it with size 0, best first.
    // Both lists are sorted best first, so one merge walk finds them.
    private static List<(long Ticks, decimal Size)> Diff(
        List<(long Ticks, decimal Size)> before, List<(long Ticks, decimal Size)> after, bool isBid, List<(long Ticks, decimal Size)> changes)
    {
        changes.Clear();
        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            var order = i == before.Count ? 1 : j == after.Count ? -1 : Better(before[i].Ticks, after[j].Ticks, isBid);
            if (order == 0)
            {
                if (before[i].Size != after[j].Size)
                {
                    changes.Add(after[j]);
                }

                i++;
                j++;
            }
            else if (order < 0)
            {
                changes.Add((before[i++].Ticks, 0m)); // gone
            }
            else
            {
                changes.Add(after[j++]); // new
            }
        }

        return changes;
    }

    // Negative when a is the better price, positive when b is.
    private static int Better(long a, long b, bool isBid) => isBid ? b.CompareTo(a) : a.CompareTo(b);

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
        Span<byte> text = stackalloc byte[64];
        foreach (var (ticks, size) in levels)
        {
            w.WriteStartArray();
            _book.Price(ticks).TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
            w.WriteStringValue(text[..written]);
            if (size == 0m)
            {
                w.WriteStringValue("0"u8);
            }
            else
            {
                size.TryFormat(text, out written, default, CultureInfo.InvariantCulture);
                w.WriteStringValue(text[..written]);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
