using System.Globalization;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Bybit.Rest;

/// <summary>Signed order endpoints (<c>/v5/order/*</c>, <c>/v5/execution/list</c>).</summary>
public sealed class BybitTradingApi
{
    private const string CreatePath = "/v5/order/create";
    private const string CancelPath = "/v5/order/cancel";
    private const string RealtimePath = "/v5/order/realtime";
    private const string ExecutionsPath = "/v5/execution/list";

    // Bybit's largest pages, so a walk takes as few calls as it can.
    private const int OrderPageSize = 50;
    private const int MaxExecutionPageSize = 100;

    private readonly BybitRestClient _client;

    internal BybitTradingApi(BybitRestClient client) => _client = client;

    /// <summary>
    /// <c>POST /v5/order/create</c>. The ack only says Bybit took the order; fills come later. Sent once: a
    /// transport error or timeout leaves it unknown whether the order exists, and resending could trade twice, so
    /// the engine reconciles through <see cref="GetOrderAsync"/> with the same <see cref="OrderRequest.OrderLinkId"/>.
    /// (A 10002 timestamp refusal is still re-signed and resent: the gateway rejects it before the matching engine.)
    /// </summary>
    /// <exception cref="ArgumentException">The request is inconsistent (see <see cref="OrderRequest.Validate"/>).</exception>
    /// <exception cref="BybitApiException">Refused, e.g. 110007 balance, 110072/170141 duplicate orderLinkId.</exception>
    public async Task<OrderAck> PlaceOrderAsync(OrderRequest order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var request = BybitRequest.Post(CreatePath, order.ToJson(), retryable: false);
        var response = await _client.SendSignedAsync(request, ct).ConfigureAwait(false);
        return response.Read(r => TradingParsers.ParseOrderAck(r.Result));
    }

    /// <summary>
    /// <c>POST /v5/order/cancel</c> by <paramref name="orderId"/> or <paramref name="orderLinkId"/> (the id wins if both).
    /// Retried on transport errors: cancelling twice cannot act twice, though a retry after a lost answer reports
    /// the order as unknown (110001 linear, 170213 spot), as does an order that already finished.
    /// </summary>
    public async Task<OrderAck> CancelOrderAsync(
        MarketCategory category, string symbol, string? orderId = null, string? orderLinkId = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (string.IsNullOrEmpty(orderId) && string.IsNullOrEmpty(orderLinkId))
        {
            throw new ArgumentException("Name the order by orderId or orderLinkId.", nameof(orderId));
        }

        var body = JsonBody.Write(writer =>
        {
            writer.WriteString("category", category.ToWireName());
            writer.WriteString("symbol", symbol);
            if (!string.IsNullOrEmpty(orderId))
            {
                writer.WriteString("orderId", orderId);
            }
            else
            {
                writer.WriteString("orderLinkId", orderLinkId);
            }
        });
        var response = await _client.SendSignedAsync(BybitRequest.Post(CancelPath, body, retryable: true), ct).ConfigureAwait(false);
        return response.Read(r => TradingParsers.ParseOrderAck(r.Result));
    }

    /// <summary>
    /// <c>GET /v5/order/realtime</c>: the open orders of a category, or of one symbol. Linear needs a scope, so
    /// without a symbol it asks for everything settled in USDT.
    /// </summary>
    public async Task<IReadOnlyList<OrderStatusReport>> GetOpenOrdersAsync(
        MarketCategory category, string? symbol = null, CancellationToken ct = default)
    {
        var all = new List<OrderStatusReport>();
        await CursorPages.WalkAsync($"GET {RealtimePath}", async cursor =>
        {
            var query = new BybitQuery().Add("category", category.ToWireName());
            if (symbol is not null)
            {
                query.Add("symbol", symbol);
            }
            else if (category == MarketCategory.Linear)
            {
                query.Add("settleCoin", "USDT");
            }

            query.Add("limit", OrderPageSize.ToString(CultureInfo.InvariantCulture));
            AddCursor(query, cursor);
            var response = await _client.SendSignedAsync(BybitRequest.Get(RealtimePath, query), ct).ConfigureAwait(false);
            string? next = null;
            all.AddRange(response.Read(r => TradingParsers.ParseOrders(r.Result, out next)));
            return next;
        }).ConfigureAwait(false);
        return all;
    }

    /// <summary>
    /// <c>GET /v5/order/realtime</c> by client id: finds open orders and recently finished ones (Bybit keeps the
    /// last 500 closed orders there). Null means Bybit does not know the id — the order never reached the
    /// matching engine, or finished long enough ago to have left the realtime list.
    /// </summary>
    public async Task<OrderStatusReport?> GetOrderAsync(
        MarketCategory category, string symbol, string orderLinkId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderLinkId);
        var query = new BybitQuery()
            .Add("category", category.ToWireName())
            .Add("symbol", symbol)
            .Add("orderLinkId", orderLinkId);
        var response = await _client.SendSignedAsync(BybitRequest.Get(RealtimePath, query), ct).ConfigureAwait(false);
        var orders = response.Read(r => TradingParsers.ParseOrders(r.Result, out _));
        return orders.FirstOrDefault(o => string.Equals(o.OrderLinkId, orderLinkId, StringComparison.Ordinal));
    }

    /// <summary>
    /// <c>GET /v5/execution/list</c>, every page. Without <paramref name="startTime"/> Bybit covers the last 7 days
    /// (its maximum span). <paramref name="pageSize"/> is rows per call (≤100), not a cap on the total.
    /// Fill fees are in Bybit's <c>feeCurrency</c> when it gives one, else the coin Bybit charges: spot buy → base,
    /// spot sell → quote, linear → the settle coin (USDT; USDC for <c>…PERP</c>).
    /// </summary>
    public async Task<ExecutionHistory> GetExecutionsAsync(
        MarketCategory category,
        string? symbol = null,
        string? orderLinkId = null,
        long? startTimeMs = null,
        int? pageSize = null,
        CancellationToken ct = default)
    {
        if (pageSize is < 1 or > MaxExecutionPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"Bybit pages hold 1-{MaxExecutionPageSize} executions.");
        }

        var fills = new List<Fill>();
        var funding = new List<FundingPayment>();
        var other = new List<string>();
        await CursorPages.WalkAsync($"GET {ExecutionsPath}", async cursor =>
        {
            var query = new BybitQuery()
                .Add("category", category.ToWireName())
                .AddIfPresent("symbol", symbol)
                .AddIfPresent("orderLinkId", orderLinkId)
                .AddIfPresent("startTime", startTimeMs?.ToString(CultureInfo.InvariantCulture))
                .Add("limit", (pageSize ?? MaxExecutionPageSize).ToString(CultureInfo.InvariantCulture));
            AddCursor(query, cursor);
            var response = await _client.SendSignedAsync(BybitRequest.Get(ExecutionsPath, query), ct).ConfigureAwait(false);
            string? next = null;
            response.Read(r =>
            {
                TradingParsers.ParseExecutions(r.Result, category, fills, funding, other, out next);
                return 0;
            });
            return next;
        }).ConfigureAwait(false);
        return new ExecutionHistory(fills, funding, other);
    }

    private static void AddCursor(BybitQuery query, string? cursor)
    {
        if (cursor is not null)
        {
            query.AddRaw("cursor", cursor);
        }
    }
}
