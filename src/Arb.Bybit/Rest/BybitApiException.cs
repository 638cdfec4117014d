namespace Arb.Bybit.Rest;

/// <summary>Bybit answered HTTP 200 with a non-zero <c>retCode</c> (a business error).</summary>
public sealed class BybitApiException : BybitRestException
{
    /// <param name="endpoint">"METHOD /path" of the request.</param>
    /// <param name="retCode">The envelope's <c>retCode</c>.</param>
    /// <param name="retMessage">The server's <c>retMsg</c>, already stripped of credentials.</param>
    public BybitApiException(string endpoint, int retCode, string retMessage)
        : base(endpoint, $"Bybit {endpoint} failed with retCode {retCode}: {retMessage}")
    {
        RetCode = retCode;
        RetMessage = retMessage;
    }

    public int RetCode { get; }

    /// <summary>The server's <c>retMsg</c> with any credential replaced by a placeholder.</summary>
    public string RetMessage { get; }
}
