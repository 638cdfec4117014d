using System.Text.Json;
using Arb.Domain.Alerts;
using Arb.IntegrationTests.Support;
using Arb.Observability.Alerts;
using Microsoft.Extensions.Logging;

namespace Arb.IntegrationTests.Alerts;

/// <summary>Alerts posted to a loopback server standing in for the Telegram Bot API.</summary>
public sealed class TelegramAlertTests
{
    private const string Token = "123456:AAtest-Token_1";
    private const string SecretHalf = "AAtest-Token_1";

    [Fact]
    public async Task An_alert_is_posted_to_send_message_with_chat_id_and_text()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var channel = new TelegramAlertChannel(Options(server.BaseUri));

        await channel.SendAsync(
            new Alert(AlertKind.LegImbalance, "Legs differ", "BTCUSDT spot 0.010 vs perp 0.008", DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/bot{Token}/sendMessage", request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("-1001234", json.RootElement.GetProperty("chat_id").GetString());
        var text = json.RootElement.GetProperty("text").GetString();
        Assert.StartsWith("[arbbot] Legs differ\n\nBTCUSDT spot 0.010 vs perp 0.008\n\nLegImbalance, ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_on_the_api_url_is_kept()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var channel = new TelegramAlertChannel(Options(new Uri(server.BaseUri, "/proxy/telegram/")));

        await channel.SendAsync(new Alert(AlertKind.Notice, "started", "", DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);

        Assert.Equal($"/proxy/telegram/bot{Token}/sendMessage", Assert.Single(server.Requests).Path);
    }

    [Theory]
    [InlineData(500, """{"ok":false,"error_code":500,"description":"Internal Server Error"}""", "HTTP 500, ok is not true: Internal Server Error")]
    [InlineData(500, "<html>gateway</html>", "HTTP 500, ok is not true, answer is not JSON: <html>gateway</html>")]
    [InlineData(200, """{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""", "HTTP 200, ok is not true: Bad Request: chat not found")]
    [InlineData(401, """{"ok":false,"error_code":401,"description":"Unauthorized: bot 123456:AAtest-Token_1 unknown"}""", "HTTP 401, ok is not true: Unauthorized: bot *** unknown")]
    public async Task A_refusal_is_a_counted_failure_logged_without_the_token(int status, string answer, string expected)
    {
        await using var server = await FakeTelegramServer.StartAsync();
        server.Answer = (status, answer);
        var loggers = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(loggers));
        var dispatcher = AlertSinks.Create(email: null, Options(server.BaseUri), factory);

        dispatcher.Publish(new Alert(AlertKind.RiskStop, "risk stop", "max drawdown", DateTimeOffset.UtcNow));
        await dispatcher.DisposeAsync();

        Assert.Single(server.Requests);
        Assert.Equal(1, dispatcher.Failed);
        Assert.Equal(0, dispatcher.Sent);
        Assert.Contains(loggers.Lines, l => l == $"Error: RiskStop alert 'risk stop' not sent by telegram: Telegram refused the message: {expected}");
        AssertNoToken(loggers.Lines);
    }

    [Fact]
    public async Task A_server_that_is_gone_is_a_failure_logged_without_the_token()
    {
        Uri gone;
        await using (var server = await FakeTelegramServer.StartAsync())
        {
            gone = server.BaseUri;
        }

        var loggers = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(loggers));
        var dispatcher = AlertSinks.Create(email: null, Options(gone), factory);

        dispatcher.Publish(new Alert(AlertKind.Notice, "anyone there", "body", DateTimeOffset.UtcNow));
        await dispatcher.DisposeAsync();

        Assert.Equal(1, dispatcher.Failed);
        Assert.Contains(loggers.Lines, l => l.StartsWith("Error: Notice alert 'anyone there' not sent by telegram: Telegram request failed:", StringComparison.Ordinal));
        AssertNoToken(loggers.Lines);
    }

    private static TelegramAlertOptions Options(Uri apiUrl) => new()
    {
        BotToken = Token,
        ChatId = "-1001234",
        ApiUrl = apiUrl,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static void AssertNoToken(IEnumerable<string> lines) =>
        Assert.All(lines, l => Assert.DoesNotContain(SecretHalf, l, StringComparison.Ordinal));
}
