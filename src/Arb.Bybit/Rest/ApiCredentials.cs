namespace Arb.Bybit.Rest;

/// <summary>
/// A Bybit API key and its secret. Neither is ever printed: <see cref="ToString"/> hides both, so the
/// credentials can sit inside records and log scopes without leaking.
/// </summary>
public sealed class ApiCredentials
{
    public ApiCredentials(string apiKey, string apiSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiSecret);
        ApiKey = apiKey;
        ApiSecret = apiSecret;
    }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    public override string ToString() => "ApiCredentials { ApiKey = <redacted>, ApiSecret = <redacted> }";
}
