using System.Text.RegularExpressions;

namespace Arb.Cli.Settings;

/// <summary>Telegram delivery of alerts; present when the bot token and the chat id are both set.</summary>
public sealed partial record TelegramAlertSettings
{
    public required Secret BotToken { get; init; }

    /// <summary>A numeric chat id (negative for groups) or an @channel name.</summary>
    public required string ChatId { get; init; }

    /// <summary>Base URL of the Bot API; replaced only for a proxy or a test server.</summary>
    public required Uri ApiUrl { get; init; }

    /// <summary>The Telegram channel, or null when it is not configured.</summary>
    internal static TelegramAlertSettings? Read(SettingReader reader)
    {
        var token = reader.Secret(SettingNames.TelegramBotToken);
        if (token.IsSet && !TokenPattern().IsMatch(token.Reveal()))
        {
            throw SettingsException.NotAllowed(
                SettingNames.TelegramBotToken, token.Reveal(), "a bot token of the form <digits>:<letters, digits, _ or ->", isSecret: true);
        }

        var chatId = reader.Raw(SettingNames.TelegramChatId);
        if (chatId is not null && !ChatIdPattern().IsMatch(chatId))
        {
            throw SettingsException.NotAllowed(
                SettingNames.TelegramChatId, chatId, "a numeric chat id (negative for groups) or an @channel name");
        }

        // Checked even when Telegram is off, like the SMTP settings, so a typo shows up at once.
        var apiUrl = reader.Url(SettingNames.TelegramApiUrl, Uri.UriSchemeHttp, Uri.UriSchemeHttps)
            ?? new Uri(SettingDefaults.TelegramApiUrl);

        return (token.IsSet, chatId) switch
        {
            (false, null) => null,
            (true, null) => throw SettingsException.Missing(
                SettingNames.TelegramChatId, $"it is required when {SettingNames.TelegramBotToken} is set"),
            (false, not null) => throw SettingsException.Missing(
                SettingNames.TelegramBotToken, $"it is required when {SettingNames.TelegramChatId} is set"),
            (true, not null) => new TelegramAlertSettings { BotToken = token, ChatId = chatId, ApiUrl = apiUrl },
        };
    }

    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^(-?[0-9]+|@[A-Za-z][A-Za-z0-9_]{3,})$", RegexOptions.CultureInvariant)]
    private static partial Regex ChatIdPattern();
}
