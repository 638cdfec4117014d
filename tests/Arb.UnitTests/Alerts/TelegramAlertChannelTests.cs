using System.Text.Json;
using Arb.Domain.Alerts;
using Arb.Observability.Alerts;

namespace Arb.UnitTests.Alerts;

public sealed class TelegramAlertChannelTests
{
    private const string Token = "123456:AAsecret-Token_x";

    private static readonly TelegramAlertOptions Options = new() { BotToken = Token, ChatId = "-1001234" };

    [Fact]
    public void The_payload_is_chat_id_and_plain_text_with_subject_and_body()
    {
        using var channel = new TelegramAlertChannel(Options);
        var alert = new Alert(AlertKind.LegImbalance, "Legs differ", "BTCUSDT spot 0.010 vs perp 0.008", new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

        using var json = JsonDocument.Parse(channel.Payload(alert));

        Assert.Equal(["chat_id", "text"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("-1001234", json.RootElement.GetProperty("chat_id").GetString());
        Assert.Equal(
            "[arbbot] Legs differ\n\nBTCUSDT spot 0.010 vs perp 0.008\n\nLegImbalance, 2025-03-01 12:00:00 UTC",
            json.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void A_text_longer_than_telegram_accepts_is_cut()
    {
        using var channel = new TelegramAlertChannel(Options);
        var alert = new Alert(AlertKind.Notice, "long", new string('x', 10_000), DateTimeOffset.UnixEpoch);

        using var json = JsonDocument.Parse(channel.Payload(alert));

        var text = json.RootElement.GetProperty("text").GetString()!;
        Assert.Equal(TelegramAlertChannel.MaxTextLength, text.Length);
        Assert.EndsWith("x…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Redaction_hides_the_token_and_its_secret_half()
    {
        using var channel = new TelegramAlertChannel(Options);

        var redacted = channel.Redact($"POST /bot{Token}/sendMessage failed; key AAsecret-Token_x");

        Assert.Equal("POST /bot***/sendMessage failed; key ***", redacted);
    }

    [Fact]
    public void Options_print_without_the_token()
    {
        var text = Options.ToString();

        Assert.DoesNotContain("AAsecret", text, StringComparison.Ordinal);
        Assert.Contains("BotToken = ***", text, StringComparison.Ordinal);
        Assert.Contains("ApiUrl = https://api.telegram.org/", text, StringComparison.Ordinal);
    }
}
