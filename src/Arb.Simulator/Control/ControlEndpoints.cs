using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Arb.Simulator.Control;

/// <summary>
/// The simulator's fault switches under <c>/sim/</c>, for tests and for users who want to watch the bot recover.
/// Each is a POST and answers <c>{"ok":true,...}</c>.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SimulatorServer server)
    {
        // Cut every WebSocket connection without a close handshake.
        routes.MapPost("/sim/drop-connections", () => Results.Json(new { ok = true, dropped = server.DropConnections() }));

        // Keep connections open but publish no market data for a while (default 60 s); resume-quotes ends it early.
        routes.MapPost("/sim/pause-quotes", (HttpRequest request) =>
        {
            var seconds = 60.0;
            if (request.Query.TryGetValue("seconds", out var text)
                && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) || seconds <= 0 || seconds > 86_400))
            {
                return Results.Json(new { ok = false, error = "seconds must be a number in (0, 86400]" }, statusCode: StatusCodes.Status400BadRequest);
            }

            server.PauseQuotes(TimeSpan.FromSeconds(seconds));
            return Results.Json(new { ok = true, seconds });
        });
        routes.MapPost("/sim/resume-quotes", () =>
        {
            server.ResumeQuotes();
            return Results.Json(new { ok = true });
        });

        // REST: delay every /v5/ answer by ms milliseconds (0 ends it).
        routes.MapPost("/sim/rest-latency", (HttpRequest request) =>
            Number(request, "ms", 0, 60_000, out var ms, out var error)
                ? Ok(() => server.RestFaults.Latency = TimeSpan.FromMilliseconds(ms), new { ok = true, ms })
                : error!);

        // REST: the next count /v5/ requests answer HTTP 503.
        routes.MapPost("/sim/rest-errors", (HttpRequest request) =>
            Number(request, "count", 0, 1_000, out var count, out var error)
                ? Ok(() => server.RestFaults.FailNext((int)count), new { ok = true, count })
                : error!);

        // REST: the next count /v5/ requests answer retCode 10006 with exhausted X-Bapi-Limit headers.
        routes.MapPost("/sim/rate-limit", (HttpRequest request) =>
            Number(request, "count", 0, 1_000, out var count, out var error)
                ? Ok(() => server.RestFaults.RateLimitNext((int)count), new { ok = true, count })
                : error!);

        // The exchange clock runs ms milliseconds ahead (negative: behind) of the host's.
        routes.MapPost("/sim/clock-skew", (HttpRequest request) =>
            Number(request, "ms", -3_600_000, 3_600_000, out var ms, out var error)
                ? Ok(() => server.ExchangeClock.Skew = TimeSpan.FromMilliseconds(ms), new { ok = true, ms })
                : error!);

        // Orders: the next count orders are rejected for insufficient balance.
        routes.MapPost("/sim/reject-orders", (HttpRequest request) =>
            Number(request, "count", 0, 1_000, out var count, out var error)
                ? Ok(() => server.OrderFaults.RejectNext((int)count), new { ok = true, count })
                : error!);

        // Orders: the next count orders fill only half their quantity; the rest is cancelled.
        routes.MapPost("/sim/partial-fill", (HttpRequest request) =>
            Number(request, "count", 0, 1_000, out var count, out var error)
                ? Ok(() => server.OrderFaults.PartiallyFillNext((int)count), new { ok = true, count })
                : error!);

        // Orders: the private stream is cut just before the next count orders' pushes, which are lost.
        routes.MapPost("/sim/drop-private-on-order", (HttpRequest request) =>
            Number(request, "count", 0, 1_000, out var count, out var error)
                ? Ok(() => server.OrderFaults.DropPrivateStreamOnNext((int)count), new { ok = true, count })
                : error!);

        // Market: the basis of one symbol jumps by bps now (positive: perp richer) and then reverts as usual.
        routes.MapPost("/sim/dislocate", (HttpRequest request) =>
        {
            var symbol = request.Query["symbol"].ToString();
            if (!double.TryParse(request.Query["bps"].ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var bps) || Math.Abs(bps) > 5_000)
            {
                return Results.Json(new { ok = false, error = "bps must be a number from -5000 to 5000" }, statusCode: StatusCodes.Status400BadRequest);
            }

            return server.Dislocate(symbol, bps)
                ? Results.Json(new { ok = true, symbol, bps })
                : Results.Json(new { ok = false, error = $"unknown symbol '{symbol}'" }, statusCode: StatusCodes.Status400BadRequest);
        });

        // The next delta of every order-book stream skips one update id.
        routes.MapPost("/sim/skip-sequence", () =>
        {
            server.SkipSequence();
            return Results.Json(new { ok = true });
        });
    }

    private static IResult Ok(Action apply, object answer)
    {
        apply();
        return Results.Json(answer);
    }

    private static bool Number(HttpRequest request, string name, double min, double max, out double value, out IResult? error)
    {
        error = null;
        if (double.TryParse(request.Query[name], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        error = Results.Json(new { ok = false, error = $"{name} must be a number in [{min}, {max}]" }, statusCode: StatusCodes.Status400BadRequest);
        return false;
    }
}
