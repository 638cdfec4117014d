using System.Diagnostics.CodeAnalysis;
using Arb.Cli.Settings;

namespace Arb.Cli;

/// <summary>Loads the settings for a command, or prints the one-line reason they are invalid.</summary>
internal static class SettingsGate
{
    public static bool TryLoad(TextWriter errors, [NotNullWhen(true)] out BotSettings? settings)
    {
        try
        {
            settings = SettingsLoader.Load();
            return true;
        }
        catch (SettingsException ex)
        {
            errors.WriteLine($"arbbot: invalid setting: {ex.Message}");
            settings = null;
            return false;
        }
    }
}
