using Microsoft.Extensions.Logging;

namespace Arb.Cli.Settings;

/// <summary>How the engine runs: concurrency, where policies live and how much it logs.</summary>
public sealed record EngineSettings
{
    // More loops than this per symbol would only contend for the same two order books.
    internal const int MaxParallelTasks = 256;

    private static readonly KeyValuePair<string, LogLevel>[] LogLevels =
    [
        new("trace", LogLevel.Trace),
        new("debug", LogLevel.Debug),
        new("information", LogLevel.Information),
        new("warning", LogLevel.Warning),
        new("error", LogLevel.Error),
    ];

    /// <summary>Concurrent loops per trading pair.</summary>
    public required int ParallelTasks { get; init; }

    /// <summary>Directory the RL policies are saved to and reloaded from at start-up.</summary>
    public required string PolicyDirectory { get; init; }

    /// <summary>Whether RL policies keep learning while trading (saved beside the trained policy, never over it).</summary>
    public required bool OnlineLearning { get; init; }

    /// <summary>Minimum level written to the log.</summary>
    public required LogLevel LogLevel { get; init; }

    internal static EngineSettings Read(SettingReader reader) => new()
    {
        ParallelTasks = reader.Integer(SettingNames.ParallelTasks, SettingDefaults.ParallelTasks, min: 1, max: MaxParallelTasks),
        PolicyDirectory = reader.Path(SettingNames.PolicyDir, SettingDefaults.PolicyDir),
        OnlineLearning = reader.Boolean(SettingNames.RlOnlineLearning, SettingDefaults.RlOnlineLearning),
        LogLevel = reader.Choice(SettingNames.LogLevel, SettingDefaults.LogLevel, LogLevels),
    };
}
