using System.Text.Json;
using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Rest;

/// <summary>
/// <c>GET /v5/market/instruments-info?category=spot|linear[&amp;symbol][&amp;status][&amp;limit]</c>. Every listing
/// fits on one page, so linear's <c>nextPageCursor</c> is always "". An unknown symbol gives an empty list.
/// </summary>
internal static class InstrumentsInfoResult
{
    private const string TradingStatus = "Trading";

    public static Request Parse(QueryReader query)
    {
        var category = query.Category();
        if (category == MarketCategory.Linear)
        {
            // Validated as Bybit does, though one page always holds everything.
            query.Int32("limit", 1, 1000);
        }

        return new Request(category, query.Optional("symbol"), query.Optional("status"));
    }

    public static void Write(Utf8JsonWriter writer, SimMarket market, Request request)
    {
        writer.WriteString("category", request.Category.ToWireName());
        writer.WriteStartArray("list");

        // symbolId is the 1-based listing order, so it stays the same when a symbol filter is applied.
        var symbolId = 0;
        foreach (var symbol in market.Symbols)
        {
            symbolId++;
            var wanted = (request.Symbol is null || request.Symbol == symbol.Instrument.Symbol)
                && (request.Status is null || request.Status == TradingStatus);
            if (!wanted)
            {
                continue;
            }

            if (request.Category == MarketCategory.Linear)
            {
                LinearInstrumentRow.Write(writer, symbol, symbolId, market.Options.FundingInterval);
            }
            else
            {
                SpotInstrumentRow.Write(writer, symbol.Instrument, symbolId);
            }
        }

        writer.WriteEndArray();
        if (request.Category == MarketCategory.Linear)
        {
            writer.WriteString("nextPageCursor", string.Empty);
        }
    }

    internal sealed record Request(MarketCategory Category, string? Symbol, string? Status);
}
