namespace Arb.Bybit.Rest;

/// <summary>
/// One REST call: a GET with a query string or a POST with a raw JSON body. Both strings are sent and
/// signed exactly as given, so build them once (see <see cref="BybitQuery"/>).
/// </summary>
public sealed record BybitRequest
{
    private BybitRequest(HttpMethod method, string path, string query, string? jsonBody, bool retryable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"Path must start with '/', got '{path}'.", nameof(path));
        }

        Method = method;
        Path = path;
        Query = query;
        JsonBody = jsonBody;
        Retryable = retryable;
    }

    public HttpMethod Method { get; }

    /// <summary>The endpoint path, e.g. <c>/v5/market/time</c>; also the key of its rate-limit state.</summary>
    public string Path { get; }

    /// <summary>The query string without <c>?</c>; empty for none.</summary>
    public string Query { get; }

    /// <summary>The exact JSON body of a POST; null for a GET.</summary>
    public string? JsonBody { get; }

    /// <summary>Whether a failed attempt may be sent again. Always true for GET.</summary>
    public bool Retryable { get; }

    /// <summary>"METHOD /path", the name used in logs and exceptions; never carries parameters.</summary>
    public string Endpoint => $"{Method.Method} {Path}";

    public static BybitRequest Get(string path, string? query = null) =>
        new(HttpMethod.Get, path, query ?? string.Empty, null, retryable: true);

    public static BybitRequest Get(string path, BybitQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Get(path, query.ToString());
    }

    /// <param name="retryable">
    /// True only if sending the same body twice cannot act twice, e.g. an order carrying a client order id.
    /// </param>
    public static BybitRequest Post(string path, string jsonBody, bool retryable)
    {
        ArgumentNullException.ThrowIfNull(jsonBody);
        return new(HttpMethod.Post, path, string.Empty, jsonBody, retryable);
    }
}
