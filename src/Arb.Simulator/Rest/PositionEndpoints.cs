using System.Globalization;
using Arb.Domain.Market;
using Arb.Simulator.Auth;
using Arb.Simulator.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Arb.Simulator.Rest;

/// <summary>Linear positions: the list, leverage, and the position mode (one-way only).</summary>
internal static class PositionEndpoints
{
    private const int PositionModeNotModified = 110025;

    public static void Map(IEndpointRouteBuilder app, SimulatorServer server, SignedRequestVerifier verifier)
    {
        // GET /v5/position/list?category=linear&(symbol|settleCoin)[&limit≤200][&cursor]
        app.MapGet("/v5/position/list", SignedRoute.Handle(server, verifier, request =>
        {
            var query = request.Query;
            RequireLinear(query.Category());
            var symbol = query.Optional("symbol");
            var settleCoin = query.Optional("settleCoin");
            var limit = query.Int32("limit", 1, 200) ?? 20;
            List<SimSymbolMarketPosition> rows;
            if (symbol is not null)
            {
                // A named symbol is listed even when flat.
                var market = server.Market.Find(symbol) ?? throw new ParamsErrorException($"params error: symbol '{symbol}' is not listed");
                rows = [new(request.Account.Positions.GetValueOrDefault(symbol) ?? new SimPosition(symbol), market)];
            }
            else if (settleCoin == Coins.Usdt)
            {
                rows = [.. request.Account.Positions.Values.Where(p => p.Size != 0).OrderBy(p => p.Symbol, StringComparer.Ordinal)
                    .Select(p => new SimSymbolMarketPosition(p, server.Market.Find(p.Symbol)!))];
            }
            else
            {
                throw new ParamsErrorException("params error: symbol or settleCoin=USDT is required");
            }

            var (page, next) = Page.Of(rows, limit, query.Optional("cursor"));
            var fees = request.Account.LinearFees;
            return RestEnvelope.Ok(request.NowMs, writer =>
            {
                writer.WriteStartArray("list");
                foreach (var row in page)
                {
                    PositionRow.Write(writer, row.Position, row.Market, fees);
                }

                writer.WriteEndArray();
                writer.WriteString("nextPageCursor", next);
                writer.WriteString("category", "linear");
            });
        }));

        // POST /v5/position/set-leverage {"category":"linear","symbol","buyLeverage","sellLeverage"}; equal in one-way mode.
        app.MapPost("/v5/position/set-leverage", SignedRoute.Handle(server, verifier, request =>
        {
            var body = request.Body;
            RequireLinear(body.Category());
            var symbol = body.Required("symbol");
            var buy = body.Decimal("buyLeverage") ?? throw new ParamsErrorException("params error: buyLeverage is required");
            var sell = body.Decimal("sellLeverage") ?? throw new ParamsErrorException("params error: sellLeverage is required");
            if (buy != sell)
            {
                throw new ParamsErrorException("params error: buyLeverage must equal sellLeverage in one-way mode");
            }

            if (server.Market.Find(symbol) is null)
            {
                throw new ParamsErrorException($"params error: symbol '{symbol}' is not listed");
            }

            if (buy != decimal.Truncate(buy))
            {
                throw new ParamsErrorException($"params error: leverage {buy.ToString(CultureInfo.InvariantCulture)} — the simulator takes whole leverage only");
            }

            var code = request.Account.SetLeverage(symbol, buy > int.MaxValue ? 0 : (int)buy);
            if (code != SimRetCodes.Ok)
            {
                return RestEnvelope.Error(request.NowMs, code, SimRetCodes.Message(code));
            }

            server.NotifyAccountChanged(request.Account);
            return RestEnvelope.Ok(request.NowMs, _ => { });
        }));

        // POST /v5/position/switch-mode {"category":"linear","symbol"|"coin","mode":0|3}: only one-way mode (0) exists here.
        app.MapPost("/v5/position/switch-mode", SignedRoute.Handle(server, verifier, request =>
        {
            var body = request.Body;
            RequireLinear(body.Category());
            if (body.Optional("symbol") is null && body.Optional("coin") is null)
            {
                throw new ParamsErrorException("params error: symbol or coin is required");
            }

            return body.Int32("mode") switch
            {
                0 => RestEnvelope.Error(request.NowMs, PositionModeNotModified, "Position mode is not modified"),
                3 => throw new ParamsErrorException("params error: hedge mode (mode 3) is not simulated; the simulator trades in one-way mode (0) only"),
                var other => throw new ParamsErrorException($"params error: mode {other?.ToString(CultureInfo.InvariantCulture) ?? "(missing)"} (0 one-way, 3 hedge)"),
            };
        }));
    }

    private static void RequireLinear(MarketCategory category)
    {
        if (category != MarketCategory.Linear)
        {
            throw new ParamsErrorException("params error: category only supports linear");
        }
    }

    private sealed record SimSymbolMarketPosition(SimPosition Position, Market.SimSymbolMarket Market);
}
