using DotNetEnv;
using DotNetEnv.Extensions;

namespace Arb.Cli.Settings;

/// <summary>Reads a <c>.env</c> file into a dictionary without touching the process environment.</summary>
internal static class DotEnvFile
{
    /// <summary>The pairs in the file (the last wins on repeats); empty when the file does not exist.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            // NoEnvVars: the file only feeds the settings, so it must never shadow or leak into the real environment.
            return Env.NoEnvVars().Load(path).ToDotEnvDictionary(CreateDictionaryOption.TakeLast);
        }
        catch (Sprache.ParseException ex)
        {
            // The parser's own message quotes the text around the error, which may be a secret: keep the position only.
            var where = ex.Position is { } position ? $" at line {position.Line}, column {position.Column}" : "";
            throw new SettingsException(null, $".env file \"{path}\" could not be parsed{where}; quote values that contain spaces, quotes or '#'");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException(null, $".env file \"{path}\" could not be read: {ex.Message}");
        }
    }
}
