using System.Collections;

namespace Arb.Cli.Settings;

/// <summary>
/// Builds <see cref="BotSettings"/> from environment variables and a <c>.env</c> file. For each variable the
/// environment wins over the file, and the file over the default; a blank value counts as unset.
/// </summary>
public static class SettingsLoader
{
    public const string DefaultDotEnvFileName = ".env";

    /// <summary>Reads the process environment and <c>.env</c> in the current directory (which may be absent).</summary>
    public static BotSettings Load() =>
        Load(ReadProcessEnvironment(), Path.Combine(Directory.GetCurrentDirectory(), DefaultDotEnvFileName));

    /// <summary>
    /// Reads <paramref name="environment"/> and, when <paramref name="dotEnvPath"/> is given and the file exists, that
    /// file. The process environment is never modified.
    /// </summary>
    /// <exception cref="SettingsException">A value is invalid, a required companion value is missing, or the file cannot be parsed.</exception>
    public static BotSettings Load(IReadOnlyDictionary<string, string?> environment, string? dotEnvPath)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var dotEnv = dotEnvPath is null ? new Dictionary<string, string>(StringComparer.Ordinal) : DotEnvFile.Read(dotEnvPath);
        var reader = new SettingReader(environment, dotEnv);
        var exchange = ExchangeSettings.Read(reader);
        return new BotSettings
        {
            Exchange = exchange,
            MarketData = MarketDataSettings.Read(reader),
            Risk = RiskSettings.Read(reader),
            Trading = TradingSettings.Read(reader, exchange.HasApiKeys),
            Engine = EngineSettings.Read(reader),
            Persistence = PersistenceSettings.Read(reader),
            Metrics = MetricsSettings.Read(reader),
            Alerts = AlertSettings.Read(reader),
        };
    }

    internal static Dictionary<string, string?> ReadProcessEnvironment()
    {
        // Windows treats variable names case-insensitively; elsewhere BYBIT_ENV and bybit_env are different variables.
        var comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var variables = new Dictionary<string, string?>(comparer);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
