using Arb.Cli.Settings;
using Arb.Observability.Alerts;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Alerts;

/// <summary>Turns the alert settings into the observability layer's options, which knows nothing of the CLI.</summary>
internal static class AlertWiring
{
    /// <summary>The bot's alert sink; dispose it last at shutdown so final alerts (e.g. a risk stop) go out.</summary>
    public static AlertDispatcher Create(AlertSettings settings, ILoggerFactory loggers, TimeProvider time) =>
        AlertSinks.Create(ToOptions(settings.Email), ToOptions(settings.Telegram), loggers, time: time);

    public static SmtpAlertOptions? ToOptions(EmailAlertSettings? email) => email is null
        ? null
        : new SmtpAlertOptions
        {
            Host = email.SmtpHost,
            Port = email.SmtpPort,
            UseTls = email.UseTls,
            User = email.SmtpUser,
            Password = email.SmtpPassword.IsSet ? email.SmtpPassword.Reveal() : null,
            From = email.From,
            To = email.To,
        };

    public static TelegramAlertOptions? ToOptions(TelegramAlertSettings? telegram) => telegram is null
        ? null
        : new TelegramAlertOptions
        {
            BotToken = telegram.BotToken.Reveal(),
            ChatId = telegram.ChatId,
            ApiUrl = telegram.ApiUrl,
        };
}
