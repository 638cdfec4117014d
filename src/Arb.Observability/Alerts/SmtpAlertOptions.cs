using System.Text;

namespace Arb.Observability.Alerts;

/// <summary>Where and how <see cref="EmailAlertChannel"/> sends mail.</summary>
public sealed record SmtpAlertOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 587;

    /// <summary>True: implicit TLS on port 465, STARTTLS (required) on any other port. False: plain SMTP.</summary>
    public bool UseTls { get; init; } = true;

    /// <summary>Login name; null for a relay that needs no authentication.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    public required string From { get; init; }

    public required IReadOnlyList<string> To { get; init; }

    /// <summary>Limit for connect, login, send and quit together.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    // The generated ToString would print the password and the list's type name.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Host = ").Append(Host);
        builder.Append(", Port = ").Append(Port);
        builder.Append(", UseTls = ").Append(UseTls);
        builder.Append(", User = ").Append(User);
        builder.Append(", Password = ").Append(Password is null ? "(not set)" : "***");
        builder.Append(", From = ").Append(From);
        builder.Append(", To = [").AppendJoin(", ", To ?? []).Append(']');
        builder.Append(", Timeout = ").Append(Timeout);
        return true;
    }
}
