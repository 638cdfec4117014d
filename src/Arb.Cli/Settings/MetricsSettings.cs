namespace Arb.Cli.Settings;

/// <summary>Where the Prometheus endpoint listens.</summary>
public sealed record MetricsSettings
{
    /// <summary>Interface to bind; loopback by default so metrics are not exposed by accident.</summary>
    public required string Host { get; init; }

    /// <summary>0 picks a free port (logged at start): for tests and for several bots on one host.</summary>
    public required int Port { get; init; }

    internal static MetricsSettings Read(SettingReader reader) => new()
    {
        Host = reader.Host(SettingNames.PromHost) ?? SettingDefaults.PromHost,
        Port = reader.Integer(SettingNames.PromPort, SettingDefaults.PromPort, min: 0, max: 65_535),
    };
}
