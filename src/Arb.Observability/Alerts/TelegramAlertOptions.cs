using System.Text;

namespace Arb.Observability.Alerts;

/// <summary>Which bot posts alerts to which chat through <see cref="TelegramAlertChannel"/>.</summary>
public sealed record TelegramAlertOptions
{
    public static Uri DefaultApiUrl { get; } = new("https://api.telegram.org");

    /// <summary>The bot token; it is part of the request path, so it is redacted from every message about a request.</summary>
    public required string BotToken { get; init; }

    /// <summary>A numeric chat id or an @channel name, passed to Telegram as is.</summary>
    public required string ChatId { get; init; }

    public Uri ApiUrl { get; init; } = DefaultApiUrl;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    // The generated ToString would print the token.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("BotToken = ***");
        builder.Append(", ChatId = ").Append(ChatId);
        builder.Append(", ApiUrl = ").Append(ApiUrl);
        builder.Append(", Timeout = ").Append(Timeout);
        return true;
    }
}
