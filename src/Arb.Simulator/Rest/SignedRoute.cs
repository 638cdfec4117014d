using System.Text.Json;
using Arb.Simulator.Auth;
using Microsoft.AspNetCore.Http;

namespace Arb.Simulator.Rest;

/// <summary>
/// Serves a private endpoint: the signature, window and rate checks first, then the body (POST) is parsed and the
/// handler runs under the market gate, so accounts and books change together. Parameter errors become 10001.
/// </summary>
internal static class SignedRoute
{
    public static RequestDelegate Handle(SimulatorServer server, SignedRequestVerifier verifier, Func<SignedRequest, byte[]> handle) =>
        async context =>
        {
            var (caller, error) = await verifier.VerifyAsync(context);
            if (caller is null)
            {
                await RestResponses.SendAsync(context, error!);
                return;
            }

            byte[] answer;
            try
            {
                using var body = HttpMethods.IsPost(context.Request.Method) ? await ParseBodyAsync(context.Request) : null;
                var reader = new BodyReader(body?.RootElement ?? default);
                lock (server.Market.Gate)
                {
                    var now = server.ExchangeClock.GetUtcNow().ToUnixTimeMilliseconds();
                    answer = handle(new SignedRequest(server.Accounts.For(caller), now, new QueryReader(context.Request.Query), reader));
                }
            }
            catch (ParamsErrorException ex)
            {
                answer = RestEnvelope.Error(server.ExchangeClock.GetUtcNow().ToUnixTimeMilliseconds(), SimRetCodes.ParamsError, ex.Message);
            }

            await RestResponses.SendAsync(context, answer);
        };

    private static async Task<JsonDocument> ParseBodyAsync(HttpRequest request)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new ParamsErrorException("params error: the body must be a JSON object");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw new ParamsErrorException($"params error: the body is not valid JSON ({ex.Message})", ex);
        }
    }
}
