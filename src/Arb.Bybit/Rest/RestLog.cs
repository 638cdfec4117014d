using Microsoft.Extensions.Logging;

namespace Arb.Bybit.Rest;

/// <summary>Source-generated log messages of the REST client. None of them takes a credential.</summary>
internal static partial class RestLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "Bybit {Endpoint} attempt failed, retry {Retry}/{MaxRetries} in {DelayMs} ms: {Reason}")]
    public static partial void Retrying(ILogger logger, string endpoint, int retry, int maxRetries, double delayMs, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "Bybit {Endpoint} rejected the request timestamp (retCode 10002); resyncing the clock and signing again")]
    public static partial void Resyncing(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information,
        Message = "Bybit {Endpoint} rate limit exhausted; waiting {DelayMs} ms for the reset")]
    public static partial void WaitingForRateLimit(ILogger logger, string endpoint, double delayMs);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information,
        Message = "Bybit clock synced: offset {OffsetMs} ms, round trip {RoundTripMs} ms")]
    public static partial void ClockSynced(ILogger logger, double offsetMs, double roundTripMs);
}
