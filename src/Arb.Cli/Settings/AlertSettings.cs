namespace Arb.Cli.Settings;

/// <summary>The alert channels in use; a channel is null when it is not configured.</summary>
public sealed record AlertSettings
{
    public EmailAlertSettings? Email { get; init; }

    public TelegramAlertSettings? Telegram { get; init; }

    internal static AlertSettings Read(SettingReader reader) => new()
    {
        Email = EmailAlertSettings.Read(reader),
        Telegram = TelegramAlertSettings.Read(reader),
    };
}
