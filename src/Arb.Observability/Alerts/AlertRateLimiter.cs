using Arb.Domain.Alerts;

namespace Arb.Observability.Alerts;

/// <summary>
/// Lets one alert of each kind through per window, so a flapping condition cannot flood the owner's phone. What it
/// holds back is counted, and the next alert of that kind says how many were held back since the previous one.
/// </summary>
internal sealed class AlertRateLimiter(TimeSpan window)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<AlertKind, KindState> _kinds = [];
    private readonly Dictionary<AlertKind, long> _suppressedTotal = [];

    public long Suppressed
    {
        get
        {
            lock (_lock)
            {
                return _suppressedTotal.Values.Sum();
            }
        }
    }

    public long SuppressedOf(AlertKind kind)
    {
        lock (_lock)
        {
            return _suppressedTotal.GetValueOrDefault(kind);
        }
    }

    /// <summary>The alert to deliver (with a note on what was held back), or null when it is held back.</summary>
    public Alert? Admit(Alert alert, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_kinds.TryGetValue(alert.Kind, out var state) && now - state.LastSent < window)
            {
                state.Held++;
                state.Latest = alert;
                _suppressedTotal[alert.Kind] = _suppressedTotal.GetValueOrDefault(alert.Kind) + 1;
                return null;
            }

            _kinds[alert.Kind] = new KindState(now);
            return state is { Held: > 0 } ? WithNote(alert, state.Held, state.LastSent) : alert;
        }
    }

    /// <summary>
    /// For each kind with alerts held back, the latest of them (noting the others), and forgets them. Used at shutdown,
    /// when waiting for the window to pass is not an option and the last word (e.g. a risk stop) matters most.
    /// </summary>
    public IReadOnlyList<Alert> TakeHeldBack()
    {
        lock (_lock)
        {
            var latest = new List<Alert>();
            foreach (var state in _kinds.Values)
            {
                if (state is { Held: > 0, Latest: { } alert })
                {
                    latest.Add(state.Held > 1 ? WithNote(alert, state.Held - 1, state.LastSent) : alert);
                    state.Held = 0;
                    state.Latest = null;
                }
            }

            return latest;
        }
    }

    private static Alert WithNote(Alert alert, long held, DateTimeOffset since)
    {
        var note = $"(+{held} more since {AlertText.Timestamp(since)})";
        return alert with { Body = alert.Body.Length == 0 ? note : alert.Body + "\n\n" + note };
    }

    private sealed class KindState(DateTimeOffset lastSent)
    {
        public DateTimeOffset LastSent { get; } = lastSent;

        public long Held { get; set; }

        public Alert? Latest { get; set; }
    }
}
