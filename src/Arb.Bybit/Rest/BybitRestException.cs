namespace Arb.Bybit.Rest;

/// <summary>
/// A Bybit REST call failed. Messages name the endpoint and never contain the API key or secret.
/// The derived types say how: <see cref="BybitApiException"/>, <see cref="BybitHttpException"/>,
/// <see cref="BybitTransportException"/>; this type itself means an unreadable response.
/// </summary>
public class BybitRestException : Exception
{
    public BybitRestException(string endpoint, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>"METHOD /path" of the failed request.</summary>
    public string Endpoint { get; }

    /// <summary>How long the server asked us to wait before retrying, when it said so.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
