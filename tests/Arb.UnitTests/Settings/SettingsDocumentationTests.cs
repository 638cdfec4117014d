using System.Reflection;
using Arb.Cli.Settings;

namespace Arb.UnitTests.Settings;

/// <summary>Keeps the name list, .env.example and docs/settings.md in step with each other.</summary>
public sealed class SettingsDocumentationTests
{
    [Fact]
    public void The_name_list_holds_every_declared_name_once()
    {
        var declared = typeof(SettingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, SettingNames.All.Order(StringComparer.Ordinal));
        Assert.Subset(SettingNames.All.ToHashSet(), SettingNames.Secrets.ToHashSet());
    }

    [Fact]
    public void Env_example_lists_every_setting_and_no_secret_value()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), ".env.example"));
        var assigned = lines
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

        Assert.Equal(SettingNames.All.Order(StringComparer.Ordinal), assigned.Keys.Order(StringComparer.Ordinal));
        Assert.All(SettingNames.Secrets, name => Assert.Equal("", assigned[name]));
    }

    [Fact]
    public void Env_example_values_load_as_the_defaults()
    {
        var fromExample = SettingsLoader.Load(SettingsTestHelpers.Environment(), Path.Combine(RepositoryRoot(), ".env.example"));
        var defaults = SettingsTestHelpers.Load();

        // Records compare arrays by reference, so compare the printed forms, which list every value.
        Assert.Equal(defaults.ToString(), fromExample.ToString());
    }

    [Fact]
    public void Settings_doc_has_a_table_row_for_every_setting()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "settings.md"));

        Assert.All(SettingNames.All, name => Assert.Contains($"| `{name}` |", doc, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arb.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Arb.slnx) not found above " + AppContext.BaseDirectory);
    }
}
