namespace Arb.Bybit.Rest;

/// <summary>
/// Removes the API key and secret from text that came back from the server before it reaches an
/// exception or a log: a 10004 reply echoes the signed string, which contains the key.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Placeholder = "<redacted>";

    private readonly string[] _secrets;

    public SecretRedactor(ApiCredentials? credentials)
    {
        _secrets = credentials is null ? [] : [credentials.ApiSecret, credentials.ApiKey];
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Placeholder, StringComparison.Ordinal);
        }

        return text;
    }
}
