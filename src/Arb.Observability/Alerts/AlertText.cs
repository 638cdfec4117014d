using System.Globalization;
using Arb.Domain.Alerts;

namespace Arb.Observability.Alerts;

/// <summary>How an alert reads on every channel, so email and Telegram say the same thing.</summary>
internal static class AlertText
{
    public const string SubjectPrefix = "[arbbot] ";

    /// <summary>One line: a title with a line break would corrupt a mail header.</summary>
    public static string Subject(Alert alert) => SubjectPrefix + OneLine(alert.Title);

    /// <summary>The body, then what kind of alert it is and when it happened (delivery may be later).</summary>
    public static string Body(Alert alert) =>
        $"{alert.Body}\n\n{alert.Kind}, {Timestamp(alert.Time)}";

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string OneLine(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
}
