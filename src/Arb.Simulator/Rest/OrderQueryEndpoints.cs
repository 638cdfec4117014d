using Arb.Domain.Market;
using Arb.Simulator.Auth;
using Arb.Simulator.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Arb.Simulator.Rest;

/// <summary>The caller's orders (<c>/v5/order/realtime</c>) and fills (<c>/v5/execution/list</c>), newest first.</summary>
internal static class OrderQueryEndpoints
{
    // Bybit's default window when no time range is given, and the widest one it accepts.
    private const long SevenDaysMs = 7L * 24 * 60 * 60 * 1000;

    public static void Map(IEndpointRouteBuilder app, SimulatorServer server, SignedRequestVerifier verifier)
    {
        // GET /v5/order/realtime?category&(symbol|settleCoin)[&orderId][&orderLinkId][&openOnly][&limit≤50][&cursor]
        // openOnly=0 (default) lists open orders, or any order named by orderId/orderLinkId; openOnly=1 the recent closed ones.
        app.MapGet("/v5/order/realtime", SignedRoute.Handle(server, verifier, request =>
        {
            var query = request.Query;
            var category = query.Category();
            var symbol = query.Optional("symbol");
            RequireLinearScope(category, symbol, query.Optional("settleCoin"));
            var orderId = query.Optional("orderId");
            var orderLinkId = query.Optional("orderLinkId");
            var closedOnly = query.Int32("openOnly", 0, 1) == 1;
            var limit = query.Int32("limit", 1, 50) ?? 20;
            var named = orderId is not null || orderLinkId is not null;
            var orders = request.Account.Orders.Values
                .Where(o => o.Category == category && (symbol is null || o.Symbol == symbol)
                    && (orderId is null || o.OrderId == orderId) && (orderLinkId is null || o.OrderLinkId == orderLinkId)
                    && (closedOnly ? !o.IsOpen : o.IsOpen || named))
                .OrderByDescending(o => o.CreatedTimeMs)
                .Take(closedOnly ? 500 : int.MaxValue)
                .ToList();
            var (rows, next) = Page.Of(orders, limit, query.Optional("cursor"));
            return RestEnvelope.Ok(request.NowMs, writer =>
            {
                writer.WriteStartArray("list");
                foreach (var order in rows)
                {
                    OrderRow.Write(writer, order);
                }

                writer.WriteEndArray();
                writer.WriteString("nextPageCursor", next);
                writer.WriteString("category", category.ToWireName());
            });
        }));

        // GET /v5/execution/list?category[&symbol][&orderId][&orderLinkId][&execType][&startTime][&endTime][&limit≤100][&cursor]
        app.MapGet("/v5/execution/list", SignedRoute.Handle(server, verifier, request =>
        {
            var query = request.Query;
            var category = query.Category();
            var symbol = query.Optional("symbol");
            var orderId = query.Optional("orderId");
            var orderLinkId = query.Optional("orderLinkId");
            var execType = query.Optional("execType");
            var limit = query.Int32("limit", 1, 100) ?? 50;
            var (start, end) = Window(query.Int64("startTime"), query.Int64("endTime"), request.NowMs);
            var account = request.Account;
            var executions = account.Executions
                .Where(e => e.Category == category && (symbol is null || e.Symbol == symbol)
                    && (orderId is null || e.OrderId == orderId) && (orderLinkId is null || e.OrderLinkId == orderLinkId)
                    && (execType is null || e.ExecType == execType) && e.ExecTimeMs >= start && e.ExecTimeMs <= end)
                .Reverse()
                .ToList();
            var (rows, next) = Page.Of(executions, limit, query.Optional("cursor"));
            return RestEnvelope.Ok(request.NowMs, writer =>
            {
                writer.WriteString("nextPageCursor", next);
                writer.WriteString("category", category.ToWireName());
                writer.WriteStartArray("list");
                foreach (var execution in rows)
                {
                    ExecutionRow.Write(writer, execution, account.Orders.GetValueOrDefault(execution.OrderId));
                }

                writer.WriteEndArray();
            });
        }));
    }

    // Linear queries must be narrowed to a symbol or a settle coin (Bybit refuses a bare category).
    private static void RequireLinearScope(MarketCategory category, string? symbol, string? settleCoin)
    {
        if (category == MarketCategory.Linear && symbol is null && settleCoin is null)
        {
            throw new ParamsErrorException("params error: symbol or settleCoin is required for linear");
        }

        if (settleCoin is not null && settleCoin != Coins.Usdt)
        {
            throw new ParamsErrorException($"params error: settleCoin '{settleCoin}' is not simulated (USDT)");
        }
    }

    private static (long Start, long End) Window(long? startTime, long? endTime, long nowMs)
    {
        var (start, end) = (startTime, endTime) switch
        {
            // Open-ended: fills stamped by the market clock may lead a skewed exchange clock.
            (null, null) => (nowMs - SevenDaysMs, long.MaxValue),
            (null, { } e) => (e - SevenDaysMs, e),
            ({ } s, null) => (s, s + SevenDaysMs),
            ({ } s, { } e) => (s, e),
        };
        return end < start || (endTime is not null && end - start > SevenDaysMs)
            ? throw new ParamsErrorException("params error: startTime..endTime must be a range of at most 7 days")
            : (start, end);
    }
}
