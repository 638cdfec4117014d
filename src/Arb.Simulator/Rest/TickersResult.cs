using System.Text.Json;
using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Rest;

/// <summary><c>GET /v5/market/tickers?category=spot|linear[&amp;symbol]</c>; an unknown symbol gives an empty list.</summary>
internal static class TickersResult
{
    public static Request Parse(QueryReader query) => new(query.Category(), query.Optional("symbol"));

    public static void Write(Utf8JsonWriter writer, SimMarket market, Request request)
    {
        writer.WriteString("category", request.Category.ToWireName());
        writer.WriteStartArray("list");
        foreach (var symbol in market.Symbols)
        {
            if (request.Symbol is not null && request.Symbol != symbol.Instrument.Symbol)
            {
                continue;
            }

            if (request.Category == MarketCategory.Linear)
            {
                LinearTickerRow.Write(writer, symbol, market.Options.FundingInterval);
            }
            else
            {
                SpotTickerRow.Write(writer, symbol);
            }
        }

        writer.WriteEndArray();
    }

    internal sealed record Request(MarketCategory Category, string? Symbol);
}
