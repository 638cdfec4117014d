using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Arb.Bybit.Rest;

/// <summary>
/// Sends one <see cref="BybitRequest"/> until it succeeds or fails for good: waits out exhausted rate
/// limits, signs every attempt afresh, resyncs the clock once on 10002, and retries transient failures
/// (transport errors, HTTP 429/5xx, retCode 10006/10016) of retryable requests with capped backoff.
/// </summary>
internal sealed class RestTransport
{
    private const int BodyExcerptLength = 300;

    private readonly HttpClient _http;
    private readonly BybitRestOptions _options;
    private readonly TimeProvider _time;
    private readonly ServerClock _clock;
    private readonly RateLimitTracker _limits;
    private readonly ILogger _logger;
    private readonly RetryBackoff _backoff;
    private readonly SecretRedactor _redactor;
    private readonly RequestMessageFactory _messages;

    public RestTransport(
        HttpClient http, BybitRestOptions options, TimeProvider time, ServerClock clock, RateLimitTracker limits, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _clock = clock;
        _limits = limits;
        _logger = logger;
        _backoff = new RetryBackoff(options.RetryBaseDelay, options.RetryMaxDelay);
        _redactor = new SecretRedactor(options.Credentials);
        _messages = new RequestMessageFactory(options, clock);
    }

    public bool HasCredentials => _messages.CanSign;

    /// <summary>Each answered request: the endpoint and the round trip (for latency metrics).</summary>
    public Action<string, TimeSpan>? Completed { get; set; }

    public async Task<BybitResponse> SendAsync(BybitRequest request, bool signed, CancellationToken ct)
    {
        if (signed && !_messages.CanSign)
        {
            throw new InvalidOperationException(
                $"{request.Endpoint} is a signed endpoint and needs API credentials (BybitRestOptions.Credentials).");
        }

        var retry = 0;
        var resynced = false;
        while (true)
        {
            await WaitForRateLimitAsync(request, ct).ConfigureAwait(false);
            if (signed)
            {
                await _clock.EnsureSyncedAsync(ct).ConfigureAwait(false);
            }

            try
            {
                return await SendOnceAsync(request, signed, ct).ConfigureAwait(false);
            }
            catch (BybitApiException ex) when (signed && ex.RetCode == BybitRetCodes.TimestampOutOfWindow && !resynced)
            {
                // The gateway checks the timestamp before acting, so resending is safe even for a non-retryable POST.
                resynced = true;
                RestLog.Resyncing(_logger, request.Endpoint);
                await _clock.SyncAsync(ct).ConfigureAwait(false);
            }
            catch (BybitRestException ex) when (request.Retryable && retry < _options.MaxRetries && IsTransient(ex))
            {
                var delay = ex.RetryAfter is { } after ? _backoff.Clamp(after) : _backoff.Delay(retry);
                retry++;
                RestLog.Retrying(_logger, request.Endpoint, retry, _options.MaxRetries, delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            }
        }
    }

    private static bool IsTransient(BybitRestException ex) => ex switch
    {
        BybitTransportException => true,
        BybitHttpException http => http.IsTransient,
        BybitApiException api => api.RetCode is BybitRetCodes.RateLimited or BybitRetCodes.ServiceUnavailable,
        _ => false,
    };

    private async Task WaitForRateLimitAsync(BybitRequest request, CancellationToken ct)
    {
        if (!_limits.TryGet(request.Path, out var status) || !status.IsExhausted || status.ResetTimestampMs is not { } reset)
        {
            return;
        }

        var wait = _backoff.Clamp(TimeSpan.FromMilliseconds(reset - _clock.NowMs));
        if (wait > TimeSpan.Zero)
        {
            RestLog.WaitingForRateLimit(_logger, request.Endpoint, wait.TotalMilliseconds);
            await Task.Delay(wait, _time, ct).ConfigureAwait(false);
        }
    }

    private async Task<BybitResponse> SendOnceAsync(BybitRequest request, bool signed, CancellationToken ct)
    {
        var endpoint = request.Endpoint;
        using var message = _messages.Create(request, signed);
        var sentAt = _time.GetUtcNow();
        using var response = await TransmitAsync(message, endpoint, ct).ConfigureAwait(false);
        var body = await ReadBodyAsync(response, endpoint, ct).ConfigureAwait(false);
        var receivedAt = _time.GetUtcNow();
        Completed?.Invoke(request.Endpoint, receivedAt - sentAt);
        _limits.Record(request.Path, response.Headers, receivedAt);

        if (!response.IsSuccessStatusCode)
        {
            throw new BybitHttpException(endpoint, response.StatusCode, Excerpt(body))
            {
                RetryAfter = RetryAfterHeader(response.Headers.RetryAfter),
            };
        }

        ResponseEnvelope envelope;
        try
        {
            envelope = ResponseEnvelope.Parse(body);
        }
        catch (FormatException ex)
        {
            throw new BybitRestException(endpoint, $"Bybit {endpoint} returned an unreadable body: {_redactor.Redact(ex.Message)}", ex);
        }

        if (envelope.RetCode != BybitRetCodes.Ok)
        {
            throw new BybitApiException(endpoint, envelope.RetCode, _redactor.Redact(envelope.RetMessage))
            {
                RetryAfter = envelope.RetCode == BybitRetCodes.RateLimited ? UntilReset(response.Headers) : null,
            };
        }

        return new BybitResponse(
            endpoint, envelope.Result, envelope.RetExtInfo, envelope.RetMessage, envelope.TimeMs, sentAt, receivedAt);
    }

    private async Task<HttpResponseMessage> TransmitAsync(HttpRequestMessage message, string endpoint, CancellationToken ct)
    {
        try
        {
            return await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new BybitTransportException(endpoint, $"Bybit {endpoint} could not be reached: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation the caller did not ask for.
            throw new BybitTransportException(endpoint, $"Bybit {endpoint} timed out.", ex);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, string endpoint, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new BybitTransportException(endpoint, $"Bybit {endpoint} response was cut off: {ex.Message}", ex);
        }
    }

    private TimeSpan? UntilReset(HttpResponseHeaders headers)
    {
        var reset = RateLimitTracker.ReadInt64(headers, RateLimitTracker.ResetHeader);
        if (reset is null)
        {
            return null;
        }

        var wait = TimeSpan.FromMilliseconds(reset.Value - _clock.NowMs);
        return wait > TimeSpan.Zero ? wait : null;
    }

    private TimeSpan? RetryAfterHeader(RetryConditionHeaderValue? retryAfter) => retryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow(),
        _ => null,
    };

    private string Excerpt(byte[] body)
    {
        // Redact before cutting, so a key that straddles the cut cannot survive in part.
        var text = _redactor.Redact(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 16 * BodyExcerptLength)));
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length > BodyExcerptLength ? text[..BodyExcerptLength] + "..." : text;
    }
}
