using Arb.Domain.Market;
using Arb.Simulator.Auth;
using Arb.Simulator.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Arb.Simulator.Rest;

/// <summary>Order entry: create, create-batch and cancel. Answers are acks, as on Bybit; fills show up in the queries.</summary>
internal static class OrderEndpoints
{
    private const int MaxLinearBatch = 20;
    private const int MaxSpotBatch = 10;

    public static void Map(IEndpointRouteBuilder app, SimulatorServer server, SignedRequestVerifier verifier)
    {
        // POST /v5/order/create
        app.MapPost("/v5/order/create", SignedRoute.Handle(server, verifier, request =>
        {
            var result = Place(server, request.Account, OrderRequestReader.Read(request.Body, request.Body.Category()), request.NowMs);
            if (!result.IsOk)
            {
                return RestEnvelope.Error(request.NowMs, result.RetCode, result.RetMsg);
            }

            if (server.OrderFaults.TakePrivateStreamDrop())
            {
                // Cut first: the pushes below find no connection and are lost, as on Bybit (nothing is replayed).
                server.DropPrivateConnections();
            }

            server.NotifyAccountChanged(request.Account);
            return RestEnvelope.Ok(request.NowMs, writer =>
            {
                writer.WriteString("orderId", result.Order!.OrderId);
                writer.WriteString("orderLinkId", result.Order.OrderLinkId);
            });
        }));

        // POST /v5/order/create-batch {"category", "request": [order, …]}: each order succeeds or fails on its own.
        app.MapPost("/v5/order/create-batch", SignedRoute.Handle(server, verifier, request =>
        {
            var category = request.Body.Category();
            var items = request.Body.Objects("request");
            var max = category == MarketCategory.Spot ? MaxSpotBatch : MaxLinearBatch;
            if (items.Count == 0 || items.Count > max)
            {
                throw new ParamsErrorException($"params error: a {category.ToWireName()} batch holds 1 to {max} orders, got {items.Count}");
            }

            var results = items.Select(item => PlaceItem(server, request.Account, item, category, request.NowMs)).ToList();
            if (results.Any(r => r.IsOk))
            {
                server.NotifyAccountChanged(request.Account);
            }

            return RestEnvelope.Ok(
                request.NowMs,
                writer =>
                {
                    writer.WriteStartArray("list");
                    foreach (var result in results)
                    {
                        // A failed item keeps its slot with empty fields; its code is in retExtInfo at the same index.
                        writer.WriteStartObject();
                        writer.WriteString("category", result.IsOk ? category.ToWireName() : "");
                        writer.WriteString("symbol", result.Order?.Symbol ?? "");
                        writer.WriteString("orderId", result.Order?.OrderId ?? "");
                        writer.WriteString("orderLinkId", result.Order?.OrderLinkId ?? "");
                        writer.WriteString("createAt", result.Order is { } order ? order.CreatedTimeMs.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                },
                writer =>
                {
                    writer.WriteStartArray("list");
                    foreach (var result in results)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("code", result.RetCode);
                        writer.WriteString("msg", result.RetMsg);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                });
        }));

        // POST /v5/order/cancel {category, symbol, orderId | orderLinkId}
        app.MapPost("/v5/order/cancel", SignedRoute.Handle(server, verifier, request =>
        {
            var body = request.Body;
            var category = body.Category();
            var symbol = body.Required("symbol");
            var orderId = body.Optional("orderId");
            var orderLinkId = body.Optional("orderLinkId");
            if (orderId is null && orderLinkId is null)
            {
                throw new ParamsErrorException("params error: orderId or orderLinkId is required");
            }

            var result = server.Engine.Cancel(request.Account, category, symbol, orderId, orderLinkId, request.NowMs);
            if (!result.IsOk)
            {
                return RestEnvelope.Error(request.NowMs, result.RetCode, result.RetMsg);
            }

            server.NotifyAccountChanged(request.Account);
            return RestEnvelope.Ok(request.NowMs, writer =>
            {
                writer.WriteString("orderId", result.Order!.OrderId);
                writer.WriteString("orderLinkId", result.Order.OrderLinkId);
            });
        }));
    }

    // The order faults act here, at the API: a reject looks like Bybit's balance refusal, a partial fill takes half.
    private static OrderResult Place(SimulatorServer server, SimAccount account, OrderRequest order, long nowMs)
    {
        if (server.OrderFaults.TakeReject())
        {
            return OrderResult.Fail(order.Category == MarketCategory.Spot ? SimRetCodes.SpotInsufficientBalance : SimRetCodes.LinearInsufficientBalance);
        }

        return server.Engine.Submit(account, order, nowMs, fillHalfOnly: server.OrderFaults.TakePartialFill());
    }

    private static OrderResult PlaceItem(SimulatorServer server, SimAccount account, BodyReader item, MarketCategory category, long nowMs)
    {
        try
        {
            if (item.Optional("category") is { } own && own != category.ToWireName())
            {
                throw new ParamsErrorException($"params error: item category '{own}' differs from the batch's");
            }

            return Place(server, account, OrderRequestReader.Read(item, category), nowMs);
        }
        catch (ParamsErrorException ex)
        {
            return new OrderResult(SimRetCodes.ParamsError, ex.Message, null, []);
        }
    }
}
