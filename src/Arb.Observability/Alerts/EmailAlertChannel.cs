using Arb.Domain.Alerts;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;

namespace Arb.Observability.Alerts;

/// <summary>
/// Sends each alert as one plain-text mail. It connects, sends and disconnects every time: alerts are rare, and a
/// connection held open for hours would mostly be found dead by the server's idle timeout.
/// </summary>
public sealed class EmailAlertChannel : IAlertChannel
{
    private const int ImplicitTlsPort = 465;

    private readonly SmtpAlertOptions _options;

    public EmailAlertChannel(SmtpAlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65_535);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero);
        if (options.To is null || options.To.Count == 0)
        {
            throw new ArgumentException("at least one recipient is required", nameof(options));
        }

        // Parsed now so that a bad address fails at start-up, not on the first alert.
        _ = MailboxAddress.Parse(options.From);
        foreach (var to in options.To)
        {
            _ = MailboxAddress.Parse(to);
        }

        _options = options;
    }

    public string Name => "email";

    public async Task SendAsync(Alert alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var message = BuildMessage(alert);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        using var client = new SmtpClient { Timeout = (int)Math.Min(_options.Timeout.TotalMilliseconds, int.MaxValue) };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, TlsMode(_options.UseTls, _options.Port), timeout.Token);
            if (_options.User is not null)
            {
                await client.AuthenticateAsync(_options.User, _options.Password ?? "", timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AlertDeliveryException(
                $"SMTP server {_options.Host}:{_options.Port} did not take the mail within {_options.Timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Port 465 speaks TLS from the first byte; elsewhere TLS means STARTTLS, and a server without it is an error, not a silent downgrade.</summary>
    internal static SecureSocketOptions TlsMode(bool useTls, int port) => useTls
        ? port == ImplicitTlsPort ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
        : SecureSocketOptions.None;

    internal MimeMessage BuildMessage(Alert alert)
    {
        var message = new MimeMessage
        {
            Subject = AlertText.Subject(alert),
            Date = alert.Time,
            Body = new TextPart(TextFormat.Plain) { Text = AlertText.Body(alert) },
        };
        message.From.Add(MailboxAddress.Parse(_options.From));
        foreach (var to in _options.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        return message;
    }
}
