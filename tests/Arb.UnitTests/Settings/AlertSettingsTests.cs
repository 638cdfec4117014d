namespace Arb.UnitTests.Settings;

public sealed class AlertSettingsTests
{
    [Fact]
    public void Email_is_enabled_by_host_recipients_and_sender()
    {
        var s = SettingsTestHelpers.Load(
            ("SMTP_HOST", "smtp.example.com"),
            ("ALERT_EMAIL_FROM", "bot@example.com"),
            ("ALERT_EMAIL_TO", "ops@example.com, OPS@example.com ,dev@example.org"));

        var email = Assert.IsType<Arb.Cli.Settings.EmailAlertSettings>(s.Alerts.Email);
        Assert.Equal("smtp.example.com", email.SmtpHost);
        Assert.Equal(587, email.SmtpPort);
        Assert.True(email.UseTls);
        Assert.Null(email.SmtpUser);
        Assert.False(email.SmtpPassword.IsSet);
        Assert.Equal("bot@example.com", email.From);
        Assert.Equal(["ops@example.com", "dev@example.org"], email.To);
        Assert.Null(s.Alerts.Telegram);
    }

    [Fact]
    public void Email_port_tls_and_login_are_read()
    {
        var s = SettingsTestHelpers.Load(
            ("SMTP_HOST", "smtp.example.com"),
            ("SMTP_PORT", "465"),
            ("SMTP_USE_TLS", "false"),
            ("SMTP_USER", "bot"),
            ("SMTP_PASSWORD", "pw"),
            ("ALERT_EMAIL_FROM", "bot@example.com"),
            ("ALERT_EMAIL_TO", "ops@example.com"));

        var email = Assert.IsType<Arb.Cli.Settings.EmailAlertSettings>(s.Alerts.Email);
        Assert.Equal(465, email.SmtpPort);
        Assert.False(email.UseTls);
        Assert.Equal("bot", email.SmtpUser);
        Assert.Equal("pw", email.SmtpPassword.Reveal());
        Assert.Contains("To = [ops@example.com]", email.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1001234567890")]
    [InlineData("42")]
    [InlineData("@arb_alerts")]
    public void Telegram_is_enabled_by_token_and_chat_id(string chatId)
    {
        var s = SettingsTestHelpers.Load(("TELEGRAM_BOT_TOKEN", "123456:AAbb-cc_DD"), ("TELEGRAM_CHAT_ID", chatId));

        var telegram = Assert.IsType<Arb.Cli.Settings.TelegramAlertSettings>(s.Alerts.Telegram);
        Assert.Equal(chatId, telegram.ChatId);
        Assert.Equal("123456:AAbb-cc_DD", telegram.BotToken.Reveal());
        Assert.Equal(new Uri("https://api.telegram.org"), telegram.ApiUrl);
        Assert.Null(s.Alerts.Email);
    }

    [Fact]
    public void Telegram_api_url_can_point_at_a_local_server()
    {
        var s = SettingsTestHelpers.Load(
            ("TELEGRAM_BOT_TOKEN", "123456:AAbb-cc_DD"), ("TELEGRAM_CHAT_ID", "42"), ("TELEGRAM_API_URL", "http://127.0.0.1:8081/tg/"));

        Assert.Equal(new Uri("http://127.0.0.1:8081/tg/"), s.Alerts.Telegram?.ApiUrl);
    }

    [Fact]
    public void Telegram_api_url_is_checked_even_when_telegram_is_off()
    {
        var ex = SettingsTestHelpers.LoadFails(("TELEGRAM_API_URL", "telegram"));

        Assert.Equal("TELEGRAM_API_URL", ex.Variable);
    }
}
