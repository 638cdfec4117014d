using Arb.Domain.Alerts;
using Arb.Observability.Alerts;
using MailKit.Security;

namespace Arb.UnitTests.Alerts;

public sealed class EmailAlertChannelTests
{
    private static readonly SmtpAlertOptions Options = new()
    {
        Host = "smtp.example.com",
        User = "bot",
        Password = "Smtp-pa55word",
        From = "bot@example.com",
        To = ["ops@example.com", "dev@example.com"],
    };

    [Theory]
    [InlineData(true, 465, SecureSocketOptions.SslOnConnect)]
    [InlineData(true, 587, SecureSocketOptions.StartTls)]
    [InlineData(true, 25, SecureSocketOptions.StartTls)]
    [InlineData(false, 465, SecureSocketOptions.None)]
    [InlineData(false, 25, SecureSocketOptions.None)]
    public void Tls_mode_follows_the_setting_and_the_port(bool useTls, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, EmailAlertChannel.TlsMode(useTls, port));

    [Fact]
    public void One_plain_text_mail_with_the_title_in_the_subject_to_every_recipient()
    {
        var alert = new Alert(AlertKind.RiskStop, "Risk stop:\r\ndaily drawdown", "equity 9,870 USDT\nstopped until 00:00 UTC",
            new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

        using var message = new EmailAlertChannel(Options).BuildMessage(alert);

        Assert.Equal("[arbbot] Risk stop:  daily drawdown", message.Subject);
        Assert.Equal(["bot@example.com"], message.From.Mailboxes.Select(m => m.Address));
        Assert.Equal(["ops@example.com", "dev@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(alert.Time, message.Date);
        Assert.Null(message.HtmlBody);
        Assert.Equal("equity 9,870 USDT\nstopped until 00:00 UTC\n\nRiskStop, 2025-03-01 12:00:00 UTC", message.TextBody?.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Options_print_without_the_password()
    {
        var text = Options.ToString();

        Assert.DoesNotContain("Smtp-pa55word", text, StringComparison.Ordinal);
        Assert.Contains("Password = ***", text, StringComparison.Ordinal);
        Assert.Contains("To = [ops@example.com, dev@example.com]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_addresses_fail_at_construction()
    {
        Assert.ThrowsAny<Exception>(() => new EmailAlertChannel(Options with { From = "not an address" }));
        Assert.Throws<ArgumentException>(() => new EmailAlertChannel(Options with { To = [] }));
    }
}
