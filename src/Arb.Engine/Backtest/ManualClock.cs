namespace Arb.Engine.Backtest;

/// <summary>
/// The backtest's clock: time is whatever the data says, moved forward by <see cref="AdvanceTo"/>, never by the wall.
/// Timers (the engine's retry delays, fill latency) fire inside <see cref="AdvanceTo"/>, on the caller's thread, in
/// due-time order and, for equal times, in creation order, so a run is the same every time.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _sync = new();
    private readonly PriorityQueue<ManualTimer, (long DueMs, long Order)> _due = new();
    private long _nowMs;
    private long _created;

    public ManualClock(long startMs) => _nowMs = startMs;

    public long NowMs => Volatile.Read(ref _nowMs);

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(Volatile.Read(ref _nowMs));

    public override long TimestampFrequency => 1_000;

    public override long GetTimestamp() => Volatile.Read(ref _nowMs);

    /// <summary>
    /// Moves time to <paramref name="targetMs"/> (earlier targets are ignored: data time never goes back), firing every
    /// timer due on the way at its own due time.
    /// </summary>
    public void AdvanceTo(long targetMs)
    {
        while (true)
        {
            ManualTimer timer;
            lock (_sync)
            {
                if (!_due.TryPeek(out timer!, out var key) || key.DueMs > targetMs)
                {
                    if (targetMs > _nowMs)
                    {
                        _nowMs = targetMs;
                    }

                    return;
                }

                _due.Dequeue();
                if (key.DueMs > _nowMs)
                {
                    _nowMs = key.DueMs;
                }

                if (!timer.IsCurrent(key.Order))
                {
                    continue; // changed or disposed since it was queued
                }
            }

            timer.Fire();
        }
    }

    /// <summary>When the next timer is due; null when none is waiting.</summary>
    public long? NextDueMs
    {
        get
        {
            lock (_sync)
            {
                while (_due.TryPeek(out var timer, out var key))
                {
                    if (timer.IsCurrent(key.Order))
                    {
                        return key.DueMs;
                    }

                    _due.Dequeue();
                }

                return null;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private long Schedule(ManualTimer timer, long dueMs)
    {
        lock (_sync)
        {
            var order = ++_created;
            _due.Enqueue(timer, (dueMs, order));
            return order;
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private long _order = -1; // the queue entry that is this timer's current schedule; -1 when not scheduled
        private long _periodMs = -1;

        public bool IsCurrent(long order) => Volatile.Read(ref _order) == order;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _periodMs = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? -1 : (long)period.TotalMilliseconds;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                Volatile.Write(ref _order, -1);
                return true;
            }

            var due = clock.NowMs + Math.Max(0, (long)Math.Ceiling(dueTime.TotalMilliseconds));
            Volatile.Write(ref _order, clock.Schedule(this, due));
            return true;
        }

        public void Fire()
        {
            if (_periodMs > 0)
            {
                Volatile.Write(ref _order, clock.Schedule(this, clock.NowMs + _periodMs));
            }
            else
            {
                Volatile.Write(ref _order, -1);
            }

            callback(state);
        }

        public void Dispose() => Volatile.Write(ref _order, -1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
