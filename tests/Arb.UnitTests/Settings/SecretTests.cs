using Arb.Cli.Settings;

namespace Arb.UnitTests.Settings;

public sealed class SecretTests
{
    private const string ApiKey = "K3yValue0001";
    private const string ApiSecret = "S3cretValue0002";
    private const string SmtpPassword = "SmtpPassw0rd0003";
    private const string TelegramToken = "987654:TelegramT0ken0004";

    [Fact]
    public void A_secret_prints_as_stars_and_reveals_only_on_request()
    {
        var secret = new Secret("hunter2");

        Assert.Equal("***", secret.ToString());
        Assert.Equal("***", $"{secret}");
        Assert.Equal("hunter2", secret.Reveal());
        Assert.True(secret.IsSet);
    }

    [Fact]
    public void An_unset_secret_says_so_and_cannot_be_revealed()
    {
        Assert.Equal("(not set)", Secret.None.ToString());
        Assert.False(Secret.None.IsSet);
        Assert.Throws<InvalidOperationException>(() => Secret.None.Reveal());
    }

    [Fact]
    public void Secrets_compare_by_value()
    {
        Assert.Equal(new Secret("a"), new Secret("a"));
        Assert.NotEqual(new Secret("a"), new Secret("b"));
        Assert.NotEqual(new Secret("a"), Secret.None);
    }

    [Fact]
    public void Settings_ToString_never_contains_a_secret_value()
    {
        var s = SettingsTestHelpers.Load(
            ("BYBIT_API_KEY", ApiKey),
            ("BYBIT_API_SECRET", ApiSecret),
            ("SMTP_HOST", "smtp.example.com"),
            ("SMTP_USER", "bot"),
            ("SMTP_PASSWORD", SmtpPassword),
            ("ALERT_EMAIL_FROM", "bot@example.com"),
            ("ALERT_EMAIL_TO", "ops@example.com"),
            ("TELEGRAM_BOT_TOKEN", TelegramToken),
            ("TELEGRAM_CHAT_ID", "42"));

        var text = s.ToString();

        Assert.True(s.HasApiKeys);
        Assert.NotNull(s.Alerts.Email);
        Assert.NotNull(s.Alerts.Telegram);
        foreach (var secret in new[] { ApiKey, ApiSecret, SmtpPassword, TelegramToken, "TelegramT0ken0004" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Contains("ApiKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("SmtpPassword = ***", text, StringComparison.Ordinal);
        Assert.Contains("BotToken = ***", text, StringComparison.Ordinal);
        Assert.Contains("smtp.example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_raised_next_to_secrets_do_not_contain_them()
    {
        // A later setting fails while all secrets are loaded: none of them may leak into the message.
        var ex = SettingsTestHelpers.LoadFails(
            ("BYBIT_API_KEY", ApiKey),
            ("BYBIT_API_SECRET", ApiSecret),
            ("SMTP_USER", "bot"),
            ("SMTP_PASSWORD", SmtpPassword),
            ("TELEGRAM_BOT_TOKEN", TelegramToken));

        Assert.Equal("TELEGRAM_CHAT_ID", ex.Variable);
        foreach (var secret in new[] { ApiKey, ApiSecret, SmtpPassword, TelegramToken })
        {
            Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        }
    }
}
