using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arb.Domain.Alerts;

namespace Arb.Observability.Alerts;

/// <summary>
/// Posts each alert to a chat through the Bot API's <c>sendMessage</c>. The token is part of the URL, so every
/// failure message is built here with the token redacted, and no inner exception (which might quote the URL) is kept.
/// </summary>
public sealed class TelegramAlertChannel : IAlertChannel, IDisposable
{
    // Telegram rejects longer texts outright; a cut alert is better than none.
    internal const int MaxTextLength = 4096;
    private const int MaxDescriptionLength = 200;
    private const string Redacted = "***";

    private readonly TelegramAlertOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _sendMessage;

    /// <param name="http">
    /// A client to share; null creates a private one. Do not pass a client whose handlers log request URLs.
    /// </param>
    public TelegramAlertChannel(TelegramAlertOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BotToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ChatId);
        ArgumentNullException.ThrowIfNull(options.ApiUrl);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero);
        _options = options;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient();

        // Keeps any path on the base (a proxy prefix) instead of resolving against the host root.
        _sendMessage = new Uri(options.ApiUrl.AbsoluteUri.TrimEnd('/') + "/bot" + options.BotToken + "/sendMessage");
    }

    public string Name => "telegram";

    public async Task SendAsync(Alert alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        using var content = new StringContent(Payload(alert), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        try
        {
            using var response = await _http.PostAsync(_sendMessage, content, timeout.Token);
            var answer = await response.Content.ReadAsStringAsync(timeout.Token);
            var (ok, description) = ParseAnswer(answer);
            if (!response.IsSuccessStatusCode || !ok)
            {
                throw new AlertDeliveryException(Redact(
                    $"Telegram refused the message: HTTP {(int)response.StatusCode}{(ok ? "" : ", ok is not true")}{description}"));
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AlertDeliveryException($"Telegram did not answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            throw new AlertDeliveryException(Redact("Telegram request failed: " + Messages(ex)));
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal string Payload(Alert alert)
    {
        var text = AlertText.Subject(alert) + "\n\n" + AlertText.Body(alert);
        if (text.Length > MaxTextLength)
        {
            text = string.Concat(text.AsSpan(0, MaxTextLength - 1), "…");
        }

        // Plain text (no parse_mode): alert bodies are not escaped for Markdown or HTML.
        return new JsonObject { ["chat_id"] = _options.ChatId, ["text"] = text }.ToJsonString();
    }

    internal string Redact(string message)
    {
        var token = _options.BotToken;
        var redacted = message.Replace(token, Redacted, StringComparison.Ordinal);

        // The part after the colon is the secret half; it could also appear alone (e.g. URL-split in a message).
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && colon < token.Length - 1
            ? redacted.Replace(token[(colon + 1)..], Redacted, StringComparison.Ordinal)
            : redacted;
    }

    /// <summary>Telegram's <c>ok</c> flag and, when present, its <c>description</c> as a suffix for the error message.</summary>
    private static (bool Ok, string Description) ParseAnswer(string answer)
    {
        try
        {
            var root = JsonNode.Parse(answer);
            var ok = root?["ok"] is JsonValue okValue && okValue.TryGetValue<bool>(out var flag) && flag;
            var description = root?["description"] is JsonValue d && d.TryGetValue<string>(out var text)
                ? ": " + Shorten(text)
                : "";
            return (ok, description);
        }
        catch (JsonException)
        {
            return (false, ", answer is not JSON: " + Shorten(answer));
        }
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= MaxDescriptionLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxDescriptionLength), "…");
    }

    private static string Messages(Exception ex)
    {
        var messages = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" -> ", messages);
    }
}
