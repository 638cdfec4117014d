using System.Collections.Immutable;
using Arb.Domain.Books;

namespace Arb.Bybit.Rest;

/// <summary>
/// An order-book snapshot from <c>GET /v5/market/orderbook</c>. Bids run best (highest) first, asks best
/// (lowest) first, as the exchange sends them. <see cref="ImmutableArray{T}.AsSpan"/> feeds
/// <see cref="OrderBook.ApplySnapshot"/> without copying.
/// </summary>
/// <param name="Symbol">The symbol (<c>s</c>).</param>
/// <param name="UpdateId">The book's update id (<c>u</c>).</param>
/// <param name="Sequence">The cross sequence (<c>seq</c>); some recorded spot snapshots omit it.</param>
/// <param name="TimestampMs">When the system generated the data, Unix ms (<c>ts</c>).</param>
public sealed record BookSnapshot(
    string Symbol,
    ImmutableArray<PriceLevel> Bids,
    ImmutableArray<PriceLevel> Asks,
    long UpdateId,
    long? Sequence,
    long TimestampMs);
