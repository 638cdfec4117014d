using System.Text.Json;
using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Rest;

/// <summary>
/// <c>GET /v5/market/funding/history?category=linear&amp;symbol[&amp;startTime][&amp;endTime][&amp;limit]</c>: settled
/// rates newest first, at most <c>limit</c> (default and maximum 200). As on Bybit, a start time without an end
/// time is refused; an end time alone gives the rows up to it. An unknown symbol gives an empty list.
/// </summary>
internal static class FundingHistoryResult
{
    public const int MaxLimit = 200;

    public static Request Parse(QueryReader query)
    {
        if (query.Category() != MarketCategory.Linear)
        {
            throw new ParamsErrorException("params error: funding history exists only for category linear");
        }

        var symbol = query.Required("symbol");
        var start = query.Int64("startTime");
        var end = query.Int64("endTime");
        if (start is not null && end is null)
        {
            throw new ParamsErrorException("params error: startTime needs endTime");
        }

        if (start > end)
        {
            throw new ParamsErrorException("params error: startTime is after endTime");
        }

        return new Request(symbol, start, end, query.Int32("limit", 1, MaxLimit) ?? MaxLimit);
    }

    public static void Write(Utf8JsonWriter writer, SimMarket market, Request request)
    {
        writer.WriteString("category", "linear");
        writer.WriteStartArray("list");
        var history = market.Find(request.Symbol)?.FundingHistory ?? [];

        // The model keeps the history oldest first.
        var written = 0;
        for (var i = history.Count - 1; i >= 0 && written < request.Limit; i--)
        {
            var settlement = history[i];
            if (settlement.TimestampMs > request.EndMs)
            {
                continue;
            }

            if (settlement.TimestampMs < request.StartMs)
            {
                break;
            }

            writer.WriteStartObject();
            writer.WriteString("symbol", settlement.Symbol);
            writer.WriteDecimalString("fundingRate", settlement.Rate);
            writer.WriteInt64String("fundingRateTimestamp", settlement.TimestampMs);
            writer.WriteEndObject();
            written++;
        }

        writer.WriteEndArray();
    }

    internal sealed record Request(string Symbol, long? StartMs, long? EndMs, int Limit);
}
