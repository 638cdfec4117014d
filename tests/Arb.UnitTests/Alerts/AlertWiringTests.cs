using Arb.Cli.Alerts;
using Arb.UnitTests.Settings;

namespace Arb.UnitTests.Alerts;

public sealed class AlertWiringTests
{
    [Fact]
    public void Email_settings_map_to_smtp_options()
    {
        var settings = SettingsTestHelpers.Load(
            ("SMTP_HOST", "smtp.example.com"),
            ("SMTP_PORT", "465"),
            ("SMTP_USER", "bot"),
            ("SMTP_PASSWORD", "pw-1"),
            ("ALERT_EMAIL_FROM", "bot@example.com"),
            ("ALERT_EMAIL_TO", "ops@example.com, dev@example.com"));

        var options = AlertWiring.ToOptions(settings.Alerts.Email);

        Assert.NotNull(options);
        Assert.Equal("smtp.example.com", options.Host);
        Assert.Equal(465, options.Port);
        Assert.True(options.UseTls);
        Assert.Equal("bot", options.User);
        Assert.Equal("pw-1", options.Password);
        Assert.Equal("bot@example.com", options.From);
        Assert.Equal(["ops@example.com", "dev@example.com"], options.To);
        Assert.Null(AlertWiring.ToOptions(SettingsTestHelpers.Load().Alerts.Telegram));
    }

    [Fact]
    public void Telegram_settings_map_to_telegram_options()
    {
        var settings = SettingsTestHelpers.Load(
            ("TELEGRAM_BOT_TOKEN", "42:abc"), ("TELEGRAM_CHAT_ID", "@arb_alerts"), ("TELEGRAM_API_URL", "http://127.0.0.1:9/"));

        var options = AlertWiring.ToOptions(settings.Alerts.Telegram);

        Assert.NotNull(options);
        Assert.Equal("42:abc", options.BotToken);
        Assert.Equal("@arb_alerts", options.ChatId);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), options.ApiUrl);
        Assert.Null(AlertWiring.ToOptions(SettingsTestHelpers.Load().Alerts.Email));
    }

    [Fact]
    public async Task No_channel_configured_still_gives_a_sink()
    {
        var loggers = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        await using var sink = AlertWiring.Create(SettingsTestHelpers.Load().Alerts, loggers, TimeProvider.System);

        Assert.Empty(sink.Channels);
    }
}
