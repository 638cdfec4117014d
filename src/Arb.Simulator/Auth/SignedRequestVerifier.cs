using System.Globalization;
using System.Text;
using Arb.Simulator.Rest;
using Microsoft.AspNetCore.Http;

namespace Arb.Simulator.Auth;

/// <summary>
/// Checks a private REST request the way Bybit does: the API key must be known, the timestamp inside the
/// receive window (<c>server - recvWindow &lt;= timestamp &lt; server + 1000</c>), and the signature must be the
/// HMAC of <c>timestamp + apiKey + recvWindow + payload</c>, where the payload is the query string exactly as
/// sent (GET) or the raw body (POST). Then the per-UID rate limit applies.
/// </summary>
public sealed class SignedRequestVerifier(CredentialStore credentials, UidRateLimiter limiter, TimeProvider exchangeClock)
{
    private const int DefaultRecvWindowMs = 5000;

    /// <summary>The caller's credentials, or the error envelope to send back (HTTP 200, as Bybit).</summary>
    public async Task<(SimCredentials? Caller, byte[]? Error)> VerifyAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var now = exchangeClock.GetUtcNow().ToUnixTimeMilliseconds();
        string? Header(string name) => request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;

        var apiKey = Header("X-BAPI-API-KEY");
        var sign = Header("X-BAPI-SIGN");
        var timestampText = Header("X-BAPI-TIMESTAMP");
        if (string.IsNullOrEmpty(apiKey) || string.IsNullOrEmpty(sign) || string.IsNullOrEmpty(timestampText))
        {
            return (null, RestEnvelope.Error(now, SimRetCodes.ParamsError, "missing X-BAPI-API-KEY, X-BAPI-SIGN or X-BAPI-TIMESTAMP header"));
        }

        if (!credentials.TryGet(apiKey, out var caller))
        {
            return (null, RestEnvelope.Error(now, SimRetCodes.InvalidApiKey, "API key is invalid."));
        }

        var recvWindowText = Header("X-BAPI-RECV-WINDOW") ?? DefaultRecvWindowMs.ToString(CultureInfo.InvariantCulture);
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || !long.TryParse(recvWindowText, NumberStyles.None, CultureInfo.InvariantCulture, out var recvWindow))
        {
            return (null, RestEnvelope.Error(now, SimRetCodes.ParamsError, "X-BAPI-TIMESTAMP and X-BAPI-RECV-WINDOW must be whole milliseconds"));
        }

        if (timestamp < now - recvWindow || timestamp >= now + 1000)
        {
            return (null, RestEnvelope.Error(now, SimRetCodes.TimestampOutOfWindow,
                $"invalid request, please check your server timestamp or recv_window param. req_timestamp[{timestamp}],server_timestamp[{now}],recv_window[{recvWindow}]"));
        }

        var payload = await PayloadAsync(request);
        var origin = timestampText + apiKey + recvWindowText + payload;
        if (!HmacSignature.Matches(HmacSignature.Compute(caller.ApiSecret, origin), sign))
        {
            // Bybit echoes the string it signed, API key included; clients must redact it themselves.
            return (null, RestEnvelope.Error(now, SimRetCodes.SignatureError, $"error sign! origin_string[{origin}]"));
        }

        var allowed = limiter.TryAcquire(apiKey, request.Path.Value ?? "", now, out var limits);
        context.Response.Headers["X-Bapi-Limit"] = limits.Limit.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Bapi-Limit-Status"] = limits.Remaining.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Bapi-Limit-Reset-Timestamp"] = limits.ResetTimestampMs.ToString(CultureInfo.InvariantCulture);
        return allowed ? (caller, null) : (null, RestEnvelope.Error(now, SimRetCodes.RateLimited, "Too many visits!"));
    }

    private static async Task<string> PayloadAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            var query = request.QueryString.Value ?? "";
            return query.StartsWith('?') ? query[1..] : query;
        }

        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return body;
    }
}
