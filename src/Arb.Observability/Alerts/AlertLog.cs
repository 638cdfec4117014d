using Arb.Domain.Alerts;
using Microsoft.Extensions.Logging;

namespace Arb.Observability.Alerts;

/// <summary>Every log line about alerts, in one place.</summary>
internal static partial class AlertLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "ALERT {Kind}: {Title}\n{Body}")]
    public static partial void Raised(ILogger logger, AlertKind kind, string title, string body);

    [LoggerMessage(Level = LogLevel.Information, Message = "alerts go to: {Channels}")]
    public static partial void Channels(ILogger logger, string channels);

    [LoggerMessage(Level = LogLevel.Information, Message = "no alert channel is configured (SMTP_HOST, TELEGRAM_BOT_TOKEN); alerts are only logged")]
    public static partial void NoChannel(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} alert '{Title}' held back by the rate limit")]
    public static partial void HeldBack(ILogger logger, AlertKind kind, string title);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} alert '{Title}' sent by {Channel}")]
    public static partial void Sent(ILogger logger, AlertKind kind, string title, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} alert '{Title}' not sent by {Channel}: {Error}")]
    public static partial void Failed(ILogger logger, AlertKind kind, string title, string channel, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} alert '{Title}' dropped by {Channel}: {Reason}")]
    public static partial void Dropped(ILogger logger, AlertKind kind, string title, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "alerts still queued after {Seconds} s at shutdown are abandoned: {Pending}")]
    public static partial void Abandoned(ILogger logger, double seconds, string pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "alert dispatch failed unexpectedly: {Error}")]
    public static partial void Unexpected(ILogger logger, string error);
}
