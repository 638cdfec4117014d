using Arb.Cli.Settings;

namespace Arb.UnitTests.Settings;

/// <summary>Loads settings from an in-memory environment, so tests never depend on the machine's variables.</summary>
internal static class SettingsTestHelpers
{
    public static BotSettings Load(params (string Name, string? Value)[] variables) =>
        SettingsLoader.Load(Environment(variables), dotEnvPath: null);

    public static Dictionary<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public static SettingsException LoadFails(params (string Name, string? Value)[] variables) =>
        Assert.Throws<SettingsException>(() => Load(variables));

    /// <summary>"NAME=VALUE" strings, as used in theory rows.</summary>
    public static (string Name, string? Value)[] Pairs(IEnumerable<string> assignments) =>
        [.. assignments.Select(a => a.Split('=', 2)).Select(p => (p[0], (string?)p[1]))];
}

/// <summary>A fresh directory under the temp folder, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "arb-settings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string WriteFile(string name, string contents)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, contents);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
