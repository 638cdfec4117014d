using System.Collections.Immutable;
using System.Net.Mail;
using System.Text;

namespace Arb.Cli.Settings;

/// <summary>SMTP delivery of alerts; present when <c>SMTP_HOST</c> and <c>ALERT_EMAIL_TO</c> are both set.</summary>
public sealed record EmailAlertSettings
{
    private const string AddressExpected = "an email address such as alerts@example.com";

    public required string SmtpHost { get; init; }

    public required int SmtpPort { get; init; }

    /// <summary>Login name; null for a relay that accepts mail without authentication.</summary>
    public string? SmtpUser { get; init; }

    public required Secret SmtpPassword { get; init; }

    public required bool UseTls { get; init; }

    public required string From { get; init; }

    /// <summary>Recipients, without duplicates, in the configured order.</summary>
    public required ImmutableArray<string> To { get; init; }

    /// <summary>The email channel, or null when it is not configured.</summary>
    internal static EmailAlertSettings? Read(SettingReader reader)
    {
        // Every value is checked even when email is off, so a typo cannot wait until the day alerts are switched on.
        var host = reader.Host(SettingNames.SmtpHost);
        var port = reader.Integer(SettingNames.SmtpPort, SettingDefaults.SmtpPort, min: 1, max: 65_535);
        var useTls = reader.Boolean(SettingNames.SmtpUseTls, SettingDefaults.SmtpUseTls);
        var user = reader.Raw(SettingNames.SmtpUser);
        var password = reader.Secret(SettingNames.SmtpPassword);
        var from = ReadAddress(reader);
        var to = ReadRecipients(reader);

        if (user is not null && !password.IsSet)
        {
            throw SettingsException.Missing(SettingNames.SmtpPassword, $"it is required when {SettingNames.SmtpUser} is set");
        }

        if (password.IsSet && user is null)
        {
            throw SettingsException.Missing(SettingNames.SmtpUser, $"it is required when {SettingNames.SmtpPassword} is set");
        }

        // Half-configured email is an error rather than "off": the operator clearly expects alerts to arrive.
        if (host is null && to.IsEmpty)
        {
            return null;
        }

        if (host is null)
        {
            throw SettingsException.Missing(SettingNames.SmtpHost, $"it is required when {SettingNames.AlertEmailTo} is set");
        }

        if (to.IsEmpty)
        {
            throw SettingsException.Missing(SettingNames.AlertEmailTo, $"it is required when {SettingNames.SmtpHost} is set");
        }

        if (from is null)
        {
            throw SettingsException.Missing(
                SettingNames.AlertEmailFrom,
                $"it is required when email alerts are enabled ({SettingNames.SmtpHost} and {SettingNames.AlertEmailTo} are set)");
        }

        return new EmailAlertSettings
        {
            SmtpHost = host,
            SmtpPort = port,
            SmtpUser = user,
            SmtpPassword = password,
            UseTls = useTls,
            From = from,
            To = to,
        };
    }

    private static string? ReadAddress(SettingReader reader)
    {
        var raw = reader.Raw(SettingNames.AlertEmailFrom);
        if (raw is not null && !IsPlainAddress(raw))
        {
            throw SettingsException.NotAllowed(SettingNames.AlertEmailFrom, raw, AddressExpected);
        }

        return raw;
    }

    private static ImmutableArray<string> ReadRecipients(SettingReader reader)
    {
        var raw = reader.Raw(SettingNames.AlertEmailTo);
        if (raw is null)
        {
            return [];
        }

        var recipients = ImmutableArray.CreateBuilder<string>();
        foreach (var address in reader.List(SettingNames.AlertEmailTo, ""))
        {
            if (!IsPlainAddress(address))
            {
                throw SettingsException.NotAllowed(
                    SettingNames.AlertEmailTo, raw, $"comma-separated email addresses (\"{address}\" is not one)");
            }

            if (!recipients.Contains(address, StringComparer.OrdinalIgnoreCase))
            {
                recipients.Add(address);
            }
        }

        if (recipients.Count == 0)
        {
            throw SettingsException.NotAllowed(SettingNames.AlertEmailTo, raw, "one or more comma-separated email addresses");
        }

        return recipients.ToImmutable();
    }

    // A bare address (no display name) that the SMTP client will accept as is.
    private static bool IsPlainAddress(string value) =>
        value.IndexOf('@', StringComparison.Ordinal) > 0
        && MailAddress.TryCreate(value, out var parsed)
        && string.Equals(parsed.Address, value, StringComparison.Ordinal);

    // The generated ToString would print the array's type name instead of the recipients.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("SmtpHost = ").Append(SmtpHost);
        builder.Append(", SmtpPort = ").Append(SmtpPort);
        builder.Append(", SmtpUser = ").Append(SmtpUser);
        builder.Append(", SmtpPassword = ").Append(SmtpPassword.ToString());
        builder.Append(", UseTls = ").Append(UseTls);
        builder.Append(", From = ").Append(From);
        builder.Append(", To = [").AppendJoin(", ", To.IsDefault ? [] : To).Append(']');
        return true;
    }
}
