using System.Globalization;
using Arb.Domain.Market;

namespace Arb.Bybit.Rest;

/// <summary>Public market-data endpoints (<c>/v5/market/*</c>); no credentials needed.</summary>
public sealed class BybitMarketApi
{
    // Linear has more than 500 symbols; the largest page keeps the walk short.
    private const int InstrumentPageSize = 1000;

    // A guard against a server that keeps handing out cursors: far beyond any real instrument count.
    private const int MaxInstrumentPages = 100;

    private readonly BybitRestClient _client;

    internal BybitMarketApi(BybitRestClient client) => _client = client;

    /// <summary><c>GET /v5/market/time</c>.</summary>
    public async Task<ServerTime> GetServerTimeAsync(CancellationToken ct = default)
    {
        var response = await SendTimeRequestAsync(ct).ConfigureAwait(false);
        return response.Read(r => MarketParsers.ParseServerTime(r.Result, r.ServerTimeMs));
    }

    /// <summary>
    /// <c>GET /v5/market/instruments-info</c> for one category, following <c>nextPageCursor</c> to the end.
    /// </summary>
    public async Task<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(
        MarketCategory category, string? symbol = null, CancellationToken ct = default)
    {
        var all = new List<InstrumentSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (var page = 0; page < MaxInstrumentPages; page++)
        {
            var query = new BybitQuery().Add("category", category.ToWireName()).AddIfPresent("symbol", symbol);
            if (category == MarketCategory.Linear)
            {
                query.Add("limit", InstrumentPageSize.ToString(CultureInfo.InvariantCulture));
                if (cursor is not null)
                {
                    query.AddRaw("cursor", cursor);
                }
            }

            var request = BybitRequest.Get("/v5/market/instruments-info", query);
            var response = await _client.SendPublicAsync(request, ct).ConfigureAwait(false);
            string? next = null;
            all.AddRange(response.Read(r => InstrumentParser.ParsePage(r.Result, category, out next)));

            // Spot is not paginated; a repeated cursor would loop forever.
            if (category != MarketCategory.Linear || next is null || !seen.Add(next))
            {
                return all;
            }

            cursor = next;
        }

        throw new BybitRestException(
            "GET /v5/market/instruments-info", $"Bybit instruments-info kept paginating past {MaxInstrumentPages} pages.");
    }

    /// <summary><c>GET /v5/market/tickers</c> for a category, or one symbol of it.</summary>
    public async Task<IReadOnlyList<BybitTicker>> GetTickersAsync(
        MarketCategory category, string? symbol = null, CancellationToken ct = default)
    {
        var query = new BybitQuery().Add("category", category.ToWireName()).AddIfPresent("symbol", symbol);
        var response = await _client.SendPublicAsync(BybitRequest.Get("/v5/market/tickers", query), ct).ConfigureAwait(false);
        return response.Read(r => MarketParsers.ParseTickers(r.Result, category));
    }

    /// <summary><c>GET /v5/market/orderbook</c>: a snapshot of up to <paramref name="limit"/> levels per side.</summary>
    public async Task<BookSnapshot> GetOrderBookAsync(
        MarketCategory category, string symbol, int? limit = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var query = new BybitQuery().Add("category", category.ToWireName()).Add("symbol", symbol);
        if (limit is { } depth)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1, nameof(limit));
            query.Add("limit", depth.ToString(CultureInfo.InvariantCulture));
        }

        var response = await _client.SendPublicAsync(BybitRequest.Get("/v5/market/orderbook", query), ct).ConfigureAwait(false);
        return response.Read(r => MarketParsers.ParseOrderBook(r.Result));
    }

    /// <summary>
    /// <c>GET /v5/market/funding/history</c>: settled funding rates of a linear perpetual, newest first (at most 200).
    /// Bybit refuses a start without an end; without either it returns the latest rows.
    /// </summary>
    public async Task<IReadOnlyList<FundingRecord>> GetFundingHistoryAsync(
        string symbol, long? startTimeMs = null, long? endTimeMs = null, int? limit = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (startTimeMs is not null && endTimeMs is null)
        {
            throw new ArgumentException("Bybit needs an end time whenever a start time is given.", nameof(endTimeMs));
        }

        var query = new BybitQuery().Add("category", "linear").Add("symbol", symbol)
            .AddIfPresent("startTime", startTimeMs?.ToString(CultureInfo.InvariantCulture))
            .AddIfPresent("endTime", endTimeMs?.ToString(CultureInfo.InvariantCulture));
        if (limit is { } rows)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1, nameof(limit));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, 200, nameof(limit));
            query.Add("limit", rows.ToString(CultureInfo.InvariantCulture));
        }

        var response = await _client.SendPublicAsync(BybitRequest.Get("/v5/market/funding/history", query), ct).ConfigureAwait(false);
        return response.Read(r => MarketParsers.ParseFundingHistory(r.Result));
    }

    /// <summary>Reads the exchange clock with the local send and receive times, for <see cref="ServerClock"/>.</summary>
    internal async Task<ServerTimeSample> SampleServerTimeAsync(CancellationToken ct)
    {
        var response = await SendTimeRequestAsync(ct).ConfigureAwait(false);
        var time = response.Read(r => MarketParsers.ParseServerTime(r.Result, r.ServerTimeMs));
        return new ServerTimeSample(time.Instant, response.SentAt, response.ReceivedAt);
    }

    private Task<BybitResponse> SendTimeRequestAsync(CancellationToken ct) =>
        _client.SendPublicAsync(BybitRequest.Get("/v5/market/time"), ct);
}
