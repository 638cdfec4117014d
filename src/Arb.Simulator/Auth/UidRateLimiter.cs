namespace Arb.Simulator.Auth;

/// <summary>
/// Bybit's per-UID, per-endpoint limit: at most N requests in any rolling second. Every signed answer carries the
/// limit, what remains and when the window frees up, in the <c>X-Bapi-Limit*</c> headers.
/// </summary>
public sealed class UidRateLimiter(bool enforced = true)
{
    private readonly Dictionary<(string ApiKey, string Path), Queue<long>> _windows = [];
    private readonly Lock _lock = new();

    /// <summary>Requests per second per endpoint path (Bybit's UTA table for the endpoints served).</summary>
    public static int LimitFor(string path) => path switch
    {
        "/v5/account/fee-rate" => 5,
        "/v5/order/create" or "/v5/order/create-batch" or "/v5/order/cancel" or "/v5/position/set-leverage" or "/v5/position/switch-mode" => 10,
        _ => 50,
    };

    /// <summary>Counts a request made at <paramref name="nowMs"/>; false when it exceeds the limit.</summary>
    public bool TryAcquire(string apiKey, string path, long nowMs, out RateLimitState state)
    {
        var limit = LimitFor(path);
        lock (_lock)
        {
            if (!_windows.TryGetValue((apiKey, path), out var window))
            {
                window = new Queue<long>();
                _windows[(apiKey, path)] = window;
            }

            while (window.Count > 0 && window.Peek() <= nowMs - 1000)
            {
                window.Dequeue();
            }

            // Not enforced (load tests): count and report, but never refuse.
            var allowed = window.Count < limit || !enforced;
            if (allowed)
            {
                window.Enqueue(nowMs);
            }

            var reset = window.Count > 0 && window.Count >= limit ? window.Peek() + 1000 : nowMs;
            state = new RateLimitState(limit, Math.Max(0, limit - window.Count), reset);
            return allowed;
        }
    }
}

/// <summary>What the <c>X-Bapi-Limit</c>, <c>X-Bapi-Limit-Status</c> and <c>X-Bapi-Limit-Reset-Timestamp</c> headers say.</summary>
public readonly record struct RateLimitState(int Limit, int Remaining, long ResetTimestampMs);
