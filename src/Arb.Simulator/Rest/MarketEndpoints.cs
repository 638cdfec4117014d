using System.Text.Json;
using Arb.Simulator.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Arb.Simulator.Rest;

/// <summary>
/// Bybit V5's public market endpoints, answered from the simulated market. Bad parameters get
/// <c>retCode 10001</c> with HTTP 200, as on Bybit. Each response is built into a buffer while holding
/// <see cref="SimMarket.Gate"/> and sent after releasing it, so a slow client never holds up the market.
/// </summary>
public static class MarketEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimMarket market, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(time);
        var updateIds = new BookUpdateIds();

        app.MapGet("/v5/market/time", ctx => Respond(
            ctx, market, time, static _ => true, static (writer, _, now) => ServerTimeResult.Write(writer, now)));
        app.MapGet("/v5/market/instruments-info", ctx => Respond(
            ctx, market, time, InstrumentsInfoResult.Parse, (writer, request, _) => InstrumentsInfoResult.Write(writer, market, request)));
        app.MapGet("/v5/market/tickers", ctx => Respond(
            ctx, market, time, TickersResult.Parse, (writer, request, _) => TickersResult.Write(writer, market, request)));
        app.MapGet("/v5/market/orderbook", ctx => Respond(
            ctx, market, time, OrderBookResult.Parse,
            (writer, request, now) => OrderBookResult.Write(writer, market, request, updateIds, now.ToUnixTimeMilliseconds())));
        app.MapGet("/v5/market/funding/history", ctx => Respond(
            ctx, market, time, FundingHistoryResult.Parse, (writer, request, _) => FundingHistoryResult.Write(writer, market, request)));
    }

    private static Task Respond<TRequest>(
        HttpContext context,
        SimMarket market,
        TimeProvider time,
        Func<QueryReader, TRequest> parse,
        Action<Utf8JsonWriter, TRequest, DateTimeOffset> writeResult)
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        byte[] body;
        try
        {
            // Parameters are checked before the lock; only reading the model needs it.
            var request = parse(new QueryReader(context.Request.Query));
            lock (market.Gate)
            {
                body = RestEnvelope.Ok(nowMs, writer => writeResult(writer, request, now));
            }
        }
        catch (ParamsErrorException e)
        {
            body = RestEnvelope.Error(nowMs, SimRetCodes.ParamsError, e.Message);
        }

        return RestResponses.SendAsync(context, body);
    }
}
