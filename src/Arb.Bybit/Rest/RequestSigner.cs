using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Arb.Bybit.Rest;

/// <summary>
/// Bybit V5 HMAC-SHA256 signatures, lowercase hex. Holds the secret so callers pass only public parts.
/// Thread-safe: every call uses the one-shot HMAC.
/// </summary>
public sealed class RequestSigner
{
    private readonly byte[] _secret;

    public RequestSigner(string apiSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiSecret);
        _secret = Encoding.UTF8.GetBytes(apiSecret);
    }

    /// <summary>
    /// The REST signature over <c>timestamp + apiKey + recvWindow + payload</c>, where the payload is the
    /// query string exactly as sent (GET, without <c>?</c>) or the raw JSON body exactly as sent (POST).
    /// </summary>
    public string SignRest(long timestampMs, string apiKey, int recvWindowMs, string payload)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        ArgumentNullException.ThrowIfNull(payload);
        var message = string.Create(
            CultureInfo.InvariantCulture, $"{timestampMs}{apiKey}{recvWindowMs}{payload}");
        return Sign(message);
    }

    /// <summary>The WebSocket <c>auth</c> signature over <c>"GET/realtime" + expires</c>.</summary>
    public string SignWebSocketAuth(long expiresMs) =>
        Sign(string.Create(CultureInfo.InvariantCulture, $"GET/realtime{expiresMs}"));

    /// <summary>HMAC-SHA256 of the UTF-8 message under the secret, as lowercase hex.</summary>
    public string Sign(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hash = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(message));
        return Convert.ToHexStringLower(hash);
    }

    public override string ToString() => "RequestSigner { secret = <redacted> }";
}
