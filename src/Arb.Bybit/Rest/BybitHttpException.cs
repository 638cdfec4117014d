using System.Net;

namespace Arb.Bybit.Rest;

/// <summary>
/// Bybit answered with a non-success HTTP status: 401 bad auth headers, 403 IP ban or region block,
/// 404 wrong path or category, 429 system protection, 5xx server trouble.
/// </summary>
public sealed class BybitHttpException : BybitRestException
{
    /// <param name="endpoint">"METHOD /path" of the request.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="bodyExcerpt">The start of the response body, already stripped of credentials.</param>
    public BybitHttpException(string endpoint, HttpStatusCode statusCode, string? bodyExcerpt)
        : base(endpoint, Describe(endpoint, statusCode, bodyExcerpt))
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Whether the status is worth retrying: 429 and 5xx. A 403 is not: it signals an IP ban of ten
    /// minutes or more, which retries would only extend.
    /// </summary>
    public bool IsTransient => StatusCode == HttpStatusCode.TooManyRequests || (int)StatusCode >= 500;

    private static string Describe(string endpoint, HttpStatusCode statusCode, string? bodyExcerpt)
    {
        var text = $"Bybit {endpoint} returned HTTP {(int)statusCode} ({statusCode})";
        return string.IsNullOrWhiteSpace(bodyExcerpt) ? text + "." : $"{text}: {bodyExcerpt}";
    }
}
