using System.Globalization;
using Arb.Domain.Market;

namespace Arb.Bybit.Rest;

/// <summary>Signed linear position endpoints (<c>/v5/position/*</c>).</summary>
public sealed class BybitPositionApi
{
    private const string ListPath = "/v5/position/list";
    private const string LeveragePath = "/v5/position/set-leverage";
    private const string SwitchModePath = "/v5/position/switch-mode";
    private const int PageSize = 200;

    private const int LeverageNotModified = 110043;
    private const int PositionModeNotModified = 110025;

    private readonly BybitRestClient _client;

    internal BybitPositionApi(BybitRestClient client) => _client = client;

    /// <summary>
    /// <c>GET /v5/position/list</c> for linear: one symbol's row even when flat, or else every open USDT-settled
    /// position (Bybit leaves flat ones out of that listing).
    /// </summary>
    public async Task<IReadOnlyList<PositionReport>> GetPositionsAsync(string? symbol = null, CancellationToken ct = default)
    {
        var all = new List<PositionReport>();
        await CursorPages.WalkAsync($"GET {ListPath}", async cursor =>
        {
            var query = new BybitQuery().Add("category", MarketCategory.Linear.ToWireName());
            query = symbol is null ? query.Add("settleCoin", "USDT") : query.Add("symbol", symbol);
            query.Add("limit", PageSize.ToString(CultureInfo.InvariantCulture));
            if (cursor is not null)
            {
                query.AddRaw("cursor", cursor);
            }

            var response = await _client.SendSignedAsync(BybitRequest.Get(ListPath, query), ct).ConfigureAwait(false);
            string? next = null;
            all.AddRange(response.Read(r => PositionParsers.ParsePositions(r.Result, out next)));
            return next;
        }).ConfigureAwait(false);
        return all;
    }

    /// <summary>
    /// <c>POST /v5/position/set-leverage</c> with equal buy and sell leverage (one-way mode).
    /// Returns false when it was already set (110043), which is the state asked for, not a failure.
    /// </summary>
    public async Task<bool> SetLeverageAsync(string symbol, decimal leverage, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leverage, 0m);
        var text = leverage.ToString(CultureInfo.InvariantCulture);
        var body = JsonBody.Write(writer =>
        {
            writer.WriteString("category", MarketCategory.Linear.ToWireName());
            writer.WriteString("symbol", symbol);
            writer.WriteString("buyLeverage", text);
            writer.WriteString("sellLeverage", text);
        });
        return await SendIdempotentAsync(LeveragePath, body, LeverageNotModified, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /v5/position/switch-mode</c> to one-way (mode 0) for a symbol, which the bot's orders assume
    /// (positionIdx 0). Returns false when it already was (110025). Bybit refuses a switch with an open position
    /// (110024) or open orders (110028).
    /// </summary>
    public async Task<bool> SwitchToOneWayModeAsync(string symbol, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var body = JsonBody.Write(writer =>
        {
            writer.WriteString("category", MarketCategory.Linear.ToWireName());
            writer.WriteString("symbol", symbol);
            writer.WriteNumber("mode", 0);
        });
        return await SendIdempotentAsync(SwitchModePath, body, PositionModeNotModified, ct).ConfigureAwait(false);
    }

    // Setting a state twice lands in the same state, so these POSTs may be retried.
    private async Task<bool> SendIdempotentAsync(string path, string body, int notModifiedCode, CancellationToken ct)
    {
        try
        {
            await _client.SendSignedAsync(BybitRequest.Post(path, body, retryable: true), ct).ConfigureAwait(false);
            return true;
        }
        catch (BybitApiException ex) when (ex.RetCode == notModifiedCode)
        {
            return false;
        }
    }
}
