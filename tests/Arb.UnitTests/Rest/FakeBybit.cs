using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Arb.Bybit.Rest;
using Arb.UnitTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Arb.UnitTests.Rest;

/// <summary>
/// Building blocks for loopback servers that answer like Bybit: envelopes, fixtures, the time endpoint
/// and an independent signature check (plain HMAC here, not the client's signer).
/// </summary>
internal static class FakeBybit
{
    public const string ApiKey = "test-key-7Hq2mP";
    public const string ApiSecret = "test-secret-Zx91kL";

    /// <summary>The exchange's clock in these tests; the client's local clock starts 3 s behind it.</summary>
    public static readonly DateTimeOffset ServerNow = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static long ServerNowMs => ServerNow.ToUnixTimeMilliseconds();

    public static AutoAdvanceTimeProvider LocalClockBehindServer() => new(ServerNow.AddSeconds(-3));

    public static BybitRestClient Client(
        LoopbackHttpServer server, HttpClient http, TimeProvider time, bool withCredentials = true, ILogger? logger = null) =>
        new(http, Options(server, withCredentials), time, logger);

    public static BybitRestOptions Options(LoopbackHttpServer server, bool withCredentials = true) =>
        new(server.BaseUri)
        {
            Credentials = withCredentials ? new ApiCredentials(ApiKey, ApiSecret) : null,
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
        };

    public static IResult Json(string body) => Results.Content(body, "application/json");

    public static IResult Fixture(string fileName) => Json(FixtureFiles.BybitText(fileName));

    public static IResult Ok(string resultJson = "{}") =>
        Json($$"""{"retCode":0,"retMsg":"OK","result":{{resultJson}},"retExtInfo":{},"time":{{ServerNowMs}}}""");

    public static IResult Error(int retCode, string retMsg) => Json(JsonSerializer.Serialize(new
    {
        retCode,
        retMsg,
        result = new { },
        retExtInfo = new { },
        time = ServerNowMs,
    }));

    public static IResult Time(DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        var nanos = (now - DateTimeOffset.UnixEpoch).Ticks * 100;
        return Json($$"""
            {"retCode":0,"retMsg":"OK","result":{"timeSecond":"{{now.ToUnixTimeSeconds()}}","timeNano":"{{nanos}}"},"retExtInfo":{},"time":{{ms}}}
            """);
    }

    /// <summary>Why the request's signature headers are wrong, or null when they verify.</summary>
    public static string? SignatureProblem(HttpRequest request, string payload)
    {
        var headers = request.Headers;
        var timestamp = headers["X-BAPI-TIMESTAMP"].ToString();
        var key = headers["X-BAPI-API-KEY"].ToString();
        var window = headers["X-BAPI-RECV-WINDOW"].ToString();
        if (key != ApiKey)
        {
            return $"api key '{key}'";
        }

        if (headers["X-BAPI-SIGN-TYPE"].ToString() != "2")
        {
            return "sign type";
        }

        if (window != "5000")
        {
            return $"recv window '{window}'";
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(ApiSecret), Encoding.UTF8.GetBytes(timestamp + key + window + payload)));
        return headers["X-BAPI-SIGN"].ToString() == expected ? null : $"signature over '{payload}'";
    }

    /// <summary>The raw query string as it arrived, without '?'.</summary>
    public static string RawQuery(HttpRequest request) => (request.QueryString.Value ?? string.Empty).TrimStart('?');

    public static long TimestampHeader(HttpRequest request) =>
        long.Parse(request.Headers["X-BAPI-TIMESTAMP"].ToString(), CultureInfo.InvariantCulture);
}
