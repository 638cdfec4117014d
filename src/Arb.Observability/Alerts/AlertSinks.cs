using Microsoft.Extensions.Logging;

namespace Arb.Observability.Alerts;

/// <summary>Builds the bot's alert sink from whichever channels are configured.</summary>
public static class AlertSinks
{
    /// <summary>A dispatcher over the email and Telegram channels that are not null; with neither, alerts are only logged.</summary>
    public static AlertDispatcher Create(
        SmtpAlertOptions? email,
        TelegramAlertOptions? telegram,
        ILoggerFactory loggers,
        AlertDispatcherOptions? options = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        var channels = new List<IAlertChannel>();
        if (email is not null)
        {
            channels.Add(new EmailAlertChannel(email));
        }

        if (telegram is not null)
        {
            // A private HttpClient: one from a factory might log request URLs, and the URL holds the token.
            channels.Add(new TelegramAlertChannel(telegram));
        }

        return new AlertDispatcher(channels, loggers.CreateLogger<AlertDispatcher>(), options, time);
    }
}
