using Microsoft.AspNetCore.Http;

namespace Arb.Simulator.Rest;

/// <summary>Sends an envelope as Bybit does: HTTP 200 with a JSON body, whatever the retCode.</summary>
internal static class RestResponses
{
    public static Task SendAsync(HttpContext context, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
