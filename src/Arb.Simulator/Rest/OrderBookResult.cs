using System.Text.Json;
using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Rest;

/// <summary>
/// <c>GET /v5/market/orderbook?category&amp;symbol[&amp;limit]</c>: <c>{s, b, a, ts, u, seq, cts}</c>. Limit defaults
/// to 1 on spot and 25 on linear as on Bybit; the simulator's books are at most 200 deep, so [1, 200] is accepted.
/// <c>cts</c> is the market step that built the book, <c>seq</c> the same step time (strictly increasing and
/// shared by all books, like Bybit's cross sequence), <c>ts</c> the response time (never before <c>cts</c>),
/// and <c>u</c> a per-book counter (<see cref="BookUpdateIds"/>).
/// </summary>
internal static class OrderBookResult
{
    public const int MaxLimit = 200;

    public static Request Parse(QueryReader query)
    {
        var category = query.Category();
        var symbol = query.Required("symbol");
        var limit = query.Int32("limit", 1, MaxLimit) ?? (category == MarketCategory.Spot ? 1 : 25);
        return new Request(category, symbol, limit);
    }

    public static void Write(Utf8JsonWriter writer, SimMarket market, Request request, BookUpdateIds updateIds, long nowMs)
    {
        var symbol = market.Find(request.Symbol)
            ?? throw new ParamsErrorException($"params error: symbol '{request.Symbol}' is not listed");
        var book = symbol.Book(request.Category);
        var stepMs = market.NowMs;

        writer.WriteString("s", book.Symbol);
        WriteSide(writer, "b", book, book.Bids, request.Limit);
        WriteSide(writer, "a", book, book.Asks, request.Limit);
        writer.WriteNumber("ts", Math.Max(nowMs, stepMs));
        writer.WriteNumber("u", updateIds.Next(book, stepMs));
        writer.WriteNumber("seq", stepMs);
        writer.WriteNumber("cts", stepMs);
    }

    private static void WriteSide(Utf8JsonWriter writer, string name, SimBook book, SimBookSide side, int limit)
    {
        writer.WriteStartArray(name);
        foreach (var (ticks, size) in side.Top(limit))
        {
            writer.WriteStartArray();
            writer.WriteDecimalStringValue(book.Price(ticks));
            writer.WriteDecimalStringValue(size);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    internal sealed record Request(MarketCategory Category, string Symbol, int Limit);
}
