using System.Collections.Immutable;
using System.Text.Json;
using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.Bybit.Rest;

/// <summary>Pure functions from the <c>result</c> of public market endpoints to domain values.</summary>
internal static class MarketParsers
{
    public static ServerTime ParseServerTime(JsonElement result, long? envelopeTimeMs) =>
        new(JsonValues.RequireInt64(result, "timeSecond"), JsonValues.OptionalInt64(result, "timeNano"), envelopeTimeMs);

    public static BybitTicker ParseTicker(JsonElement row, MarketCategory category)
    {
        var perpetual = category == MarketCategory.Linear;
        return new BybitTicker(
            Symbol: JsonValues.RequireString(row, "symbol"),
            Category: category,
            LastPrice: JsonValues.OptionalDecimal(row, "lastPrice"),
            Bid1Price: JsonValues.OptionalDecimal(row, "bid1Price"),
            Bid1Size: JsonValues.OptionalDecimal(row, "bid1Size"),
            Ask1Price: JsonValues.OptionalDecimal(row, "ask1Price"),
            Ask1Size: JsonValues.OptionalDecimal(row, "ask1Size"),
            MarkPrice: perpetual ? JsonValues.OptionalDecimal(row, "markPrice") : null,
            IndexPrice: perpetual ? JsonValues.OptionalDecimal(row, "indexPrice") : null,
            FundingRate: perpetual ? JsonValues.OptionalDecimal(row, "fundingRate") : null,
            NextFundingTimeMs: perpetual ? JsonValues.OptionalInt64(row, "nextFundingTime") : null,
            FundingIntervalHours: perpetual ? JsonValues.OptionalInt32(row, "fundingIntervalHour") : null);
    }

    public static IReadOnlyList<BybitTicker> ParseTickers(JsonElement result, MarketCategory category) =>
        [.. JsonValues.RequireArray(result, "list").EnumerateArray().Select(row => ParseTicker(row, category))];

    public static BookSnapshot ParseOrderBook(JsonElement result) => new(
        Symbol: JsonValues.RequireString(result, "s"),
        Bids: ParseLevels(JsonValues.RequireArray(result, "b"), "b"),
        Asks: ParseLevels(JsonValues.RequireArray(result, "a"), "a"),
        UpdateId: JsonValues.RequireInt64(result, "u"),
        Sequence: JsonValues.OptionalInt64(result, "seq"),
        TimestampMs: JsonValues.RequireInt64(result, "ts"));

    public static IReadOnlyList<FundingRecord> ParseFundingHistory(JsonElement result) =>
        [.. JsonValues.RequireArray(result, "list").EnumerateArray().Select(row => new FundingRecord(
            JsonValues.RequireString(row, "symbol"),
            JsonValues.OptionalDecimal(row, "fundingRate") ?? throw new FormatException("'fundingRate' is missing."),
            JsonValues.RequireInt64(row, "fundingRateTimestamp")))];

    private static ImmutableArray<PriceLevel> ParseLevels(JsonElement levels, string side)
    {
        var builder = ImmutableArray.CreateBuilder<PriceLevel>(levels.GetArrayLength());
        foreach (var level in levels.EnumerateArray())
        {
            if (level.ValueKind != JsonValueKind.Array || level.GetArrayLength() < 2)
            {
                throw new FormatException($"'{side}' entries should be [price, size] arrays.");
            }

            builder.Add(new PriceLevel(
                JsonValues.ElementDecimal(level[0], $"{side} price"),
                JsonValues.ElementDecimal(level[1], $"{side} size")));
        }

        return builder.MoveToImmutable();
    }
}
