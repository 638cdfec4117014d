using System.Globalization;
using System.Text;

namespace Arb.Cli.Settings;

/// <summary>
/// A setting is missing, malformed or out of range. <see cref="Exception.Message"/> is a single line meant for the
/// operator: it names the variable, the offending value (never for secrets) and what is allowed.
/// </summary>
public sealed class SettingsException : Exception
{
    // Long values are cut so that one bad paste cannot flood the terminal.
    private const int MaxShownValueLength = 80;

    public SettingsException()
        : this(null, "invalid settings")
    {
    }

    public SettingsException(string message)
        : this(null, message)
    {
    }

    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SettingsException(string? variable, string message)
        : base(message)
    {
        Variable = variable;
    }

    /// <summary>The environment variable at fault, or null when the problem is the <c>.env</c> file itself.</summary>
    public string? Variable { get; }

    /// <summary><c>NAME="value" is not allowed: expected ...</c>; a secret's value is replaced by <c>(hidden)</c>.</summary>
    public static SettingsException NotAllowed(string variable, string value, string expected, bool isSecret = false)
    {
        var shown = isSecret ? "(hidden)" : Quote(value);
        return new SettingsException(variable, $"{variable}={shown} is not allowed: expected {expected}");
    }

    /// <summary><c>NAME is not set: reason</c>, for a value that another setting makes mandatory.</summary>
    public static SettingsException Missing(string variable, string reason) =>
        new(variable, $"{variable} is not set: {reason}");

    /// <summary>Quotes a value for a one-line message: control characters are escaped and long values shortened.</summary>
    internal static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value.Length > MaxShownValueLength ? value[..MaxShownValueLength] : value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        if (value.Length > MaxShownValueLength)
        {
            builder.Append("...");
        }

        return builder.Append('"').ToString();
    }
}
