using System.Text.Json;
using Arb.Cli.Alerts;
using Arb.Cli.Settings;
using Arb.Domain.Alerts;
using Arb.IntegrationTests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Arb.IntegrationTests.Alerts;

/// <summary>What an operator configures in the environment is what reaches both the mailbox and the chat.</summary>
public sealed class AlertSettingsEndToEndTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>
{
    [Fact]
    public async Task An_alert_configured_through_settings_reaches_mail_and_telegram()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = SettingsLoader.Load(
            new Dictionary<string, string?>
            {
                ["SMTP_HOST"] = "127.0.0.1",
                ["SMTP_PORT"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SMTP_USE_TLS"] = "false",
                ["ALERT_EMAIL_FROM"] = "arbbot@example.com",
                ["ALERT_EMAIL_TO"] = "ops@example.com",
                ["TELEGRAM_BOT_TOKEN"] = "42:settings-token",
                ["TELEGRAM_CHAT_ID"] = "@arb_alerts",
                ["TELEGRAM_API_URL"] = telegram.BaseUri.AbsoluteUri,
            },
            dotEnvPath: null);
        var title = $"Risk stop {Guid.NewGuid():N}";
        var dispatcher = AlertWiring.Create(settings.Alerts, NullLoggerFactory.Instance, TimeProvider.System);

        dispatcher.Publish(new Alert(AlertKind.RiskStop, title, "max drawdown 200 USDT reached", DateTimeOffset.UtcNow));
        await dispatcher.DisposeAsync();

        using var mail = Assert.Single(await smtp.FindAsync("[arbbot] " + title));
        Assert.Contains("max drawdown 200 USDT reached", mail.TextBody, StringComparison.Ordinal);
        var request = Assert.Single(telegram.Requests);
        Assert.Equal("/bot42:settings-token/sendMessage", request.Path);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("@arb_alerts", json.RootElement.GetProperty("chat_id").GetString());
        Assert.StartsWith("[arbbot] " + title, json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["email", "telegram"], dispatcher.Channels.Select(c => c.Channel));
        Assert.Equal(2, dispatcher.Sent);
    }
}
