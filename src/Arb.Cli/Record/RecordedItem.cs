using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.Cli.Record;

internal enum RecordedKind
{
    /// <summary>A top-of-book row for the quotes CSV.</summary>
    Quote,

    /// <summary>A raw WebSocket frame for the category's frames file.</summary>
    Frame,

    /// <summary>No data: the writer flushes its files (sent by the flush timer).</summary>
    Flush,
}

/// <summary>
/// One thing for the recorder's writer, queued from the market-data thread. Values, not formatted text: the
/// formatting and the disk I/O happen on the writer's thread. A frame owns a pooled copy of the bytes.
/// </summary>
internal readonly record struct RecordedItem(
    RecordedKind Kind,
    long TimestampMs,
    MarketCategory Category,
    string? Symbol = null,
    PriceLevel Bid = default,
    PriceLevel Ask = default,
    decimal? FundingRate = null,
    long? NextFundingTimeMs = null,
    byte[]? Buffer = null,
    int Length = 0)
{
    public static RecordedItem Flush { get; } = new(RecordedKind.Flush, 0, MarketCategory.Spot);

    public ReadOnlySpan<byte> Payload => Buffer is null ? default : Buffer.AsSpan(0, Length);
}
