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

        // The next delta of every order-book stream skips one update id.
        routes.MapPost("/sim/skip-sequence", () =>
        {
            server.SkipSequence();
            return Results.Json(new { ok = true });
        });
    }
}
