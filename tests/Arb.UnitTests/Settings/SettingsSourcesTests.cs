using Arb.Cli.Settings;

namespace Arb.UnitTests.Settings;

public sealed class SettingsSourcesTests
{
    [Fact]
    public void Environment_beats_dotenv_and_dotenv_beats_default()
    {
        using var dir = new TempDirectory();
        var dotEnv = dir.WriteFile(".env", "PROM_PORT=9100\nPARALLEL_TASKS=2\n# a comment\nSYMBOLS=SOLUSDT\n");
        var environment = SettingsTestHelpers.Environment(("PROM_PORT", "9200"));

        var s = SettingsLoader.Load(environment, dotEnv);

        Assert.Equal(9200, s.Metrics.Port);
        Assert.Equal(2, s.Engine.ParallelTasks);
        Assert.Equal(["SOLUSDT"], s.MarketData.Symbols);
        Assert.Equal(5, s.Risk.ErrorLimit);
    }

    [Fact]
    public void A_blank_environment_value_does_not_hide_the_dotenv_value()
    {
        using var dir = new TempDirectory();
        var dotEnv = dir.WriteFile(".env", "PROM_PORT=9100\n");

        var s = SettingsLoader.Load(SettingsTestHelpers.Environment(("PROM_PORT", "")), dotEnv);

        Assert.Equal(9100, s.Metrics.Port);
    }

    [Fact]
    public void A_missing_dotenv_file_is_fine()
    {
        using var dir = new TempDirectory();

        var s = SettingsLoader.Load(SettingsTestHelpers.Environment(("PROM_PORT", "9300")), Path.Combine(dir.Path, ".env"));

        Assert.Equal(9300, s.Metrics.Port);
        Assert.Equal(4, s.Engine.ParallelTasks);
    }

    [Fact]
    public void Dotenv_quoting_export_and_repeats_follow_the_usual_rules()
    {
        using var dir = new TempDirectory();
        var dotEnv = dir.WriteFile(".env", "export LOG_LEVEL=debug\nPOLICY_DIR=\"my policies\"\nBYBIT_API_KEY=k1\nBYBIT_API_SECRET='s$cret'\nPROM_PORT=1\nPROM_PORT=2\n");

        var s = SettingsLoader.Load(SettingsTestHelpers.Environment(), dotEnv);

        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, s.Engine.LogLevel);
        Assert.Equal("my policies", s.Engine.PolicyDirectory);
        Assert.Equal("s$cret", s.Exchange.ApiSecret.Reveal());
        Assert.Equal(2, s.Metrics.Port);
    }

    [Fact]
    public void Loading_dotenv_does_not_change_the_process_environment()
    {
        using var dir = new TempDirectory();
        var probe = "ARB_SETTINGS_PROBE_" + Guid.NewGuid().ToString("N");
        var dotEnv = dir.WriteFile(".env", $"{probe}=1\nPROM_PORT=9100\n");

        SettingsLoader.Load(SettingsTestHelpers.Environment(), dotEnv);

        Assert.Null(Environment.GetEnvironmentVariable(probe));
    }

    [Fact]
    public void A_dotenv_syntax_error_reports_the_position_but_not_the_content()
    {
        using var dir = new TempDirectory();
        // Letters outside hex, so the temp folder's GUID in the message cannot contain them by chance.
        var dotEnv = dir.WriteFile(".env", "PROM_PORT=9100\nBYBIT_API_SECRET=qwz\"topsecret\n");

        var ex = Assert.Throws<SettingsException>(() => SettingsLoader.Load(SettingsTestHelpers.Environment(), dotEnv));

        Assert.Null(ex.Variable);
        Assert.Contains(".env", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("qwz", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public void A_bad_value_from_dotenv_is_reported_like_one_from_the_environment()
    {
        using var dir = new TempDirectory();
        var dotEnv = dir.WriteFile(".env", "ORDERBOOK_DEPTH=25\n");

        var ex = Assert.Throws<SettingsException>(() => SettingsLoader.Load(SettingsTestHelpers.Environment(), dotEnv));

        Assert.Equal("ORDERBOOK_DEPTH=\"25\" is not allowed: expected one of 1, 50, 200, 1000", ex.Message);
    }
}
