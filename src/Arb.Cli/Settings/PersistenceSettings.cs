namespace Arb.Cli.Settings;

/// <summary>Where state and journals are written, and how often the state is saved.</summary>
public sealed record PersistenceSettings
{
    /// <summary>The state snapshot (positions, entry prices, PnL, peaks).</summary>
    public required string StateFile { get; init; }

    /// <summary>The previous snapshot, used when the main file is unreadable.</summary>
    public required string StateBackupFile { get; init; }

    public required TimeSpan StateSaveInterval { get; init; }

    /// <summary>CSV of periodic PnL rows.</summary>
    public required string PnlLog { get; init; }

    /// <summary>How often a row per symbol is appended to <see cref="PnlLog"/>.</summary>
    public required TimeSpan PnlLogInterval { get; init; }

    /// <summary>CSV of executed trades.</summary>
    public required string TradesLog { get; init; }

    internal static PersistenceSettings Read(SettingReader reader)
    {
        var settings = new PersistenceSettings
        {
            StateFile = reader.Path(SettingNames.StateFile, SettingDefaults.StateFile),
            StateBackupFile = reader.Path(SettingNames.StateBackupFile, SettingDefaults.StateBackupFile),
            StateSaveInterval = reader.Seconds(SettingNames.StateSaveSec, SettingDefaults.StateSaveSeconds),
            PnlLog = reader.Path(SettingNames.PnlLog, SettingDefaults.PnlLog),
            PnlLogInterval = reader.Seconds(SettingNames.PnlLogSec, SettingDefaults.PnlLogSeconds),
            TradesLog = reader.Path(SettingNames.TradesLog, SettingDefaults.TradesLog),
        };
        settings.RequireDistinctFiles(reader);
        return settings;
    }

    // Two settings naming one file would corrupt it (a backup equal to the state is no backup at all).
    private void RequireDistinctFiles(SettingReader reader)
    {
        (string Name, string Path)[] files =
        [
            (SettingNames.StateFile, StateFile),
            (SettingNames.StateBackupFile, StateBackupFile),
            (SettingNames.PnlLog, PnlLog),
            (SettingNames.TradesLog, TradesLog),
        ];
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        for (var later = 1; later < files.Length; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                if (string.Equals(Path.GetFullPath(files[earlier].Path), Path.GetFullPath(files[later].Path), comparison))
                {
                    // Blame the one the operator changed: a default cannot be the mistake.
                    var (culprit, other) = reader.IsSet(files[later].Name) ? (files[later], files[earlier]) : (files[earlier], files[later]);
                    throw SettingsException.NotAllowed(culprit.Name, culprit.Path, $"a different file than {other.Name}");
                }
            }
        }
    }
}
