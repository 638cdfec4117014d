using System.Collections.Concurrent;

namespace Arb.UnitTests.Support;

/// <summary>
/// A manual clock that never waits: every timer jumps the clock forward by its due time and fires at
/// once. Code under test that delays through the <see cref="TimeProvider"/> runs instantly, while the
/// delays it asked for are recorded for assertions. The clock moves only through timers or
/// <see cref="Advance"/>.
/// </summary>
public sealed class AutoAdvanceTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();
    private long _utcTicks = start.UtcTicks;

    /// <summary>Every finite timer due time requested so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref _utcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
        {
            throw new NotSupportedException("Periodic timers are not needed by the code under test.");
        }

        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
            Advance(dueTime);
            // Fire off this stack: the caller may not have finished wiring up the timer yet.
            ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
