using Arb.Bybit.Connection;

namespace Arb.Cli.Settings;

/// <summary>Which Bybit deployment to use and the API credentials for it.</summary>
public sealed record ExchangeSettings
{
    private static readonly KeyValuePair<string, BybitEnvironment>[] Environments =
    [
        new("mainnet", BybitEnvironment.Mainnet),
        new("testnet", BybitEnvironment.Testnet),
        new("demo", BybitEnvironment.Demo),
    ];

    public required BybitEnvironment Environment { get; init; }

    public required Secret ApiKey { get; init; }

    public required Secret ApiSecret { get; init; }

    /// <summary>Replaces the environment's REST host (for example the embedded simulator); null keeps Bybit's.</summary>
    public Uri? RestUrl { get; init; }

    /// <summary>Replaces the environment's WebSocket base; the stream paths are appended to it.</summary>
    public Uri? WsUrl { get; init; }

    /// <summary>True when both the key and the secret are configured, so private endpoints can be used.</summary>
    public bool HasApiKeys => ApiKey.IsSet && ApiSecret.IsSet;

    /// <summary>The hosts to connect to, with the URL overrides applied.</summary>
    public BybitEndpoints ResolveEndpoints() => BybitEndpoints.For(Environment, RestUrl, WsUrl);

    internal static ExchangeSettings Read(SettingReader reader)
    {
        var key = reader.Secret(SettingNames.BybitApiKey);
        var secret = reader.Secret(SettingNames.BybitApiSecret);

        // Half a credential cannot sign anything; silently falling back to the simulator would hide the typo.
        if (key.IsSet && !secret.IsSet)
        {
            throw SettingsException.Missing(SettingNames.BybitApiSecret, $"it is required when {SettingNames.BybitApiKey} is set");
        }

        if (secret.IsSet && !key.IsSet)
        {
            throw SettingsException.Missing(SettingNames.BybitApiKey, $"it is required when {SettingNames.BybitApiSecret} is set");
        }

        return new ExchangeSettings
        {
            Environment = reader.Choice(SettingNames.BybitEnv, SettingDefaults.BybitEnv, Environments),
            ApiKey = key,
            ApiSecret = secret,
            RestUrl = reader.Url(SettingNames.BybitRestUrl, Uri.UriSchemeHttp, Uri.UriSchemeHttps),
            WsUrl = reader.Url(SettingNames.BybitWsUrl, Uri.UriSchemeWs, Uri.UriSchemeWss),
        };
    }
}
