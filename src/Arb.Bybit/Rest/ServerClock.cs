using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Arb.Bybit.Rest;

/// <summary>
/// The exchange's clock, as the local <see cref="TimeProvider"/> plus a measured offset. Signed requests
/// stamp <c>X-BAPI-TIMESTAMP</c> from it because Bybit rejects a timestamp more than 1 s ahead of its own
/// clock (retCode 10002). Thread-safe.
/// </summary>
public sealed class ServerClock
{
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task<ServerTimeSample>> _sample;
    private readonly ILogger _logger;
    private long _offsetTicks;
    private long _lastSyncTicks = long.MinValue;

    /// <param name="time">The local clock.</param>
    /// <param name="sample">Reads the exchange clock once, e.g. <c>GET /v5/market/time</c>.</param>
    public ServerClock(TimeProvider time, Func<CancellationToken, Task<ServerTimeSample>> sample, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(sample);
        _time = time;
        _sample = sample;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Exchange time minus local time; zero until the first sync.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public bool IsSynced => LastSyncedAt is not null;

    /// <summary>Local time of the last successful sync.</summary>
    public DateTimeOffset? LastSyncedAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastSyncTicks);
            return ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>The current exchange time.</summary>
    public DateTimeOffset UtcNow => _time.GetUtcNow() + Offset;

    /// <summary>The current exchange time in Unix ms, as Bybit timestamps are written.</summary>
    public long NowMs => UtcNow.ToUnixTimeMilliseconds();

    /// <summary>Reads the exchange clock and adopts the new offset.</summary>
    public async Task<TimeSpan> SyncAsync(CancellationToken ct = default)
    {
        var sample = await _sample(ct).ConfigureAwait(false);
        var offset = Apply(sample);
        RestLog.ClockSynced(_logger, offset.TotalMilliseconds, sample.RoundTrip.TotalMilliseconds);
        return offset;
    }

    /// <summary>Syncs only if no sync has succeeded yet.</summary>
    public Task EnsureSyncedAsync(CancellationToken ct = default) =>
        IsSynced ? Task.CompletedTask : SyncAsync(ct);

    /// <summary>Adopts the offset implied by one sample, taken against the round trip's midpoint.</summary>
    public TimeSpan Apply(ServerTimeSample sample)
    {
        var offset = sample.ServerTime - sample.LocalMidpoint;
        Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
        Interlocked.Exchange(ref _lastSyncTicks, sample.ReceivedAt.UtcTicks);
        return offset;
    }
}
