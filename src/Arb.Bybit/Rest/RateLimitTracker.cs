using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;

namespace Arb.Bybit.Rest;

/// <summary>
/// Remembers the last rate-limit headers seen per endpoint path so the next call to an exhausted endpoint
/// waits for the reset instead of earning a 10006, and so metrics can report headroom. Thread-safe.
/// </summary>
public sealed class RateLimitTracker
{
    internal const string LimitHeader = "X-Bapi-Limit";
    internal const string StatusHeader = "X-Bapi-Limit-Status";
    internal const string ResetHeader = "X-Bapi-Limit-Reset-Timestamp";

    private readonly ConcurrentDictionary<string, RateLimitStatus> _byPath = new(StringComparer.Ordinal);

    /// <summary>The last status of every endpoint that reported one, keyed by path.</summary>
    public IReadOnlyDictionary<string, RateLimitStatus> Snapshot() =>
        new Dictionary<string, RateLimitStatus>(_byPath, StringComparer.Ordinal);

    public bool TryGet(string path, [MaybeNullWhen(false)] out RateLimitStatus status) =>
        _byPath.TryGetValue(path, out status);

    /// <summary>Records the headers of one response; responses without them (public endpoints) change nothing.</summary>
    internal RateLimitStatus? Record(string path, HttpResponseHeaders headers, DateTimeOffset observedAt)
    {
        var remaining = ReadInt64(headers, StatusHeader);
        var reset = ReadInt64(headers, ResetHeader);
        if (remaining is null)
        {
            return null;
        }

        var limit = ReadInt64(headers, LimitHeader);
        var status = new RateLimitStatus(
            limit is { } l ? (int)Math.Clamp(l, 0, int.MaxValue) : null,
            (int)Math.Clamp(remaining.Value, int.MinValue, int.MaxValue),
            reset,
            observedAt);
        _byPath[path] = status;
        return status;
    }

    internal static long? ReadInt64(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
