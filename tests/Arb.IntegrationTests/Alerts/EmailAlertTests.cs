using Arb.Domain.Alerts;
using Arb.IntegrationTests.Support;
using Arb.Observability.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Arb.IntegrationTests.Alerts;

/// <summary>Alerts mailed through a real SMTP server (aiosmtpd) on loopback, read back from its mailbox.</summary>
public sealed class EmailAlertTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>
{
    [Fact]
    public async Task A_mail_from_the_email_channel_arrives_with_subject_body_and_recipients()
    {
        var title = Unique("Risk stop");
        var channel = new EmailAlertChannel(Options());

        await channel.SendAsync(
            new Alert(AlertKind.RiskStop, title, "daily drawdown 101.50 USDT reached\nno new trades until 00:00 UTC", Now()),
            TestContext.Current.CancellationToken);

        using var mail = await smtp.WaitForMessageAsync("[arbbot] " + title);
        Assert.Contains("daily drawdown 101.50 USDT reached\nno new trades until 00:00 UTC", mail.TextBody?.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("RiskStop, ", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(["arbbot@example.com"], mail.From.Mailboxes.Select(m => m.Address));
        Assert.Equal(["ops@example.com", "dev@example.com"], mail.To.Mailboxes.Select(m => m.Address));

        // aiosmtpd records the envelope recipients: both were really sent to, not only named in the header.
        Assert.Equal("ops@example.com, dev@example.com", mail.Headers["X-RcptTo"]);
    }

    [Fact]
    public async Task Alerts_published_to_the_dispatcher_are_all_mailed_by_the_time_it_is_disposed()
    {
        var stop = Unique("Risk stop");
        var notice = Unique("Stopping");
        var loggers = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(loggers));
        var dispatcher = AlertSinks.Create(Options(), telegram: null, factory);

        dispatcher.Publish(new Alert(AlertKind.RiskStop, stop, "max drawdown", Now()));
        dispatcher.Publish(new Alert(AlertKind.Notice, notice, "closing positions", Now()));
        await dispatcher.DisposeAsync();

        Assert.Single(await smtp.FindAsync("[arbbot] " + stop));
        Assert.Single(await smtp.FindAsync("[arbbot] " + notice));
        Assert.Equal(2, dispatcher.Sent);
        Assert.Equal(0, dispatcher.Failed);
        Assert.Contains(loggers.Lines, l => l.StartsWith($"Warning: ALERT RiskStop: {stop}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeats_within_the_window_are_held_back_and_the_last_goes_out_at_shutdown_with_a_count()
    {
        var first = Unique("Reconnects");
        var last = Unique("Reconnects again");
        var dispatcher = AlertSinks.Create(Options(), telegram: null, NullLoggerFactory.Instance, new AlertDispatcherOptions { RateLimitWindow = TimeSpan.FromMinutes(1) });

        dispatcher.Publish(new Alert(AlertKind.Reconnects, first, "spot stream reconnected 5 times", Now()));
        dispatcher.Publish(new Alert(AlertKind.Reconnects, Unique("held"), "6 times", Now()));
        dispatcher.Publish(new Alert(AlertKind.Reconnects, last, "7 times", Now()));
        await dispatcher.DisposeAsync();

        Assert.Single(await smtp.FindAsync("[arbbot] " + first));
        using var mail = Assert.Single(await smtp.FindAsync("[arbbot] " + last));
        Assert.Contains("7 times\n\n(+1 more since ", mail.TextBody?.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(2, dispatcher.SuppressedOf(AlertKind.Reconnects));
    }

    [Fact]
    public async Task With_tls_on_a_server_without_starttls_fails_instead_of_mailing_in_clear()
    {
        var title = Unique("Tls required");
        var loggers = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(loggers));
        var dispatcher = AlertSinks.Create(Options() with { UseTls = true }, telegram: null, factory);

        dispatcher.Publish(new Alert(AlertKind.Notice, title, "body", Now()));
        await dispatcher.DisposeAsync();

        Assert.Equal(1, dispatcher.Failed);
        Assert.Contains(loggers.Lines, l => l.StartsWith($"Error: Notice alert '{title}' not sent by email:", StringComparison.Ordinal)
            && l.Contains("STARTTLS", StringComparison.Ordinal));
        Assert.Empty(await smtp.FindAsync("[arbbot] " + title));
    }

    [Fact]
    public async Task An_unreachable_server_is_a_logged_failure_and_publishing_goes_on()
    {
        var loggers = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(loggers));
        var dispatcher = AlertSinks.Create(Options() with { Port = ClosedPort() }, telegram: null, factory);

        dispatcher.Publish(new Alert(AlertKind.Notice, "nobody listens", "body", Now()));
        dispatcher.Publish(new Alert(AlertKind.RiskStop, "still nobody", "body", Now()));
        await dispatcher.DisposeAsync();

        Assert.Equal(2, dispatcher.Failed);
        Assert.Contains(loggers.Lines, l => l.StartsWith("Error: RiskStop alert 'still nobody' not sent by email:", StringComparison.Ordinal));
    }

    private SmtpAlertOptions Options() => new()
    {
        Host = "127.0.0.1",
        Port = smtp.Port,
        UseTls = false,
        From = "arbbot@example.com",
        To = ["ops@example.com", "dev@example.com"],
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}";

    private static DateTimeOffset Now() => DateTimeOffset.UtcNow;

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
