using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Rest;

/// <summary>
/// The <c>u</c> of REST order-book snapshots. On Bybit it is the update id of the 1000-level stream, which the
/// simulator does not have; here every book gets its own counter, starting at 1, that moves up by one whenever a
/// snapshot is served from a newer market step than the book's previous snapshot. Two snapshots of the same
/// step share <c>u</c>; a later step always has a larger one. Callers hold <see cref="SimMarket.Gate"/>.
/// </summary>
internal sealed class BookUpdateIds
{
    private readonly Dictionary<(MarketCategory Category, string Symbol), (long StepMs, long UpdateId)> _ids = [];

    public long Next(SimBook book, long stepMs)
    {
        var key = (book.Category, book.Symbol);
        var id = _ids.TryGetValue(key, out var last)
            ? last.StepMs == stepMs ? last.UpdateId : last.UpdateId + 1
            : 1;
        _ids[key] = (stepMs, id);
        return id;
    }
}
