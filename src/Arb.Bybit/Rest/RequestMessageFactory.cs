using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Arb.Bybit.Rest;

/// <summary>
/// Turns a <see cref="BybitRequest"/> into an <see cref="HttpRequestMessage"/>, signing it when asked.
/// Each attempt gets a fresh message and a fresh timestamp.
/// </summary>
internal sealed class RequestMessageFactory
{
    private readonly string _baseUri;
    private readonly ApiCredentials? _credentials;
    private readonly RequestSigner? _signer;
    private readonly int _recvWindowMs;
    private readonly ServerClock _clock;

    public RequestMessageFactory(BybitRestOptions options, ServerClock clock)
    {
        // Keep any path prefix of the base address (a proxy or simulator mounted below the root).
        _baseUri = options.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _credentials = options.Credentials;
        _signer = options.Credentials is { } credentials ? new RequestSigner(credentials.ApiSecret) : null;
        _recvWindowMs = options.RecvWindowMs;
        _clock = clock;
    }

    public bool CanSign => _signer is not null;

    public HttpRequestMessage Create(BybitRequest request, bool signed)
    {
        var target = request.Query.Length == 0 ? request.Path : $"{request.Path}?{request.Query}";
        var message = new HttpRequestMessage(request.Method, new Uri(_baseUri + target, UriKind.Absolute));
        if (request.JsonBody is { } json)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (signed)
        {
            Sign(message, request);
        }

        return message;
    }

    private void Sign(HttpRequestMessage message, BybitRequest request)
    {
        if (_signer is null || _credentials is null)
        {
            throw new InvalidOperationException(
                $"{request.Endpoint} is a signed endpoint and needs API credentials (BybitRestOptions.Credentials).");
        }

        // Sign what goes on the wire: the query as the Uri writes it, or the body string itself.
        var payload = request.JsonBody ?? message.RequestUri!.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        var timestamp = _clock.NowMs;
        var signature = _signer.SignRest(timestamp, _credentials.ApiKey, _recvWindowMs, payload);

        var headers = message.Headers;
        headers.TryAddWithoutValidation(BybitHeaders.ApiKey, _credentials.ApiKey);
        headers.TryAddWithoutValidation(BybitHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        headers.TryAddWithoutValidation(BybitHeaders.Sign, signature);
        headers.TryAddWithoutValidation(BybitHeaders.RecvWindow, _recvWindowMs.ToString(CultureInfo.InvariantCulture));
        headers.TryAddWithoutValidation(BybitHeaders.SignType, "2");
    }
}
