using Arb.Bybit.Rest;
using Microsoft.Extensions.Time.Testing;

namespace Arb.UnitTests.Rest;

public sealed class ServerClockTests
{
    private static readonly DateTimeOffset Local = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Offset_is_taken_against_the_midpoint_of_the_round_trip()
    {
        var time = new FakeTimeProvider(Local);
        var clock = new ServerClock(time, _ => throw new InvalidOperationException("not used"));

        // The server read its clock at 1.1 s after we sent, halfway through a 200 ms round trip: 1 s ahead.
        var offset = clock.Apply(new ServerTimeSample(
            ServerTime: Local.AddMilliseconds(1100),
            SentAt: Local,
            ReceivedAt: Local.AddMilliseconds(200)));

        Assert.Equal(TimeSpan.FromSeconds(1), offset);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.Offset);
        Assert.True(clock.IsSynced);
        Assert.Equal(Local.AddSeconds(1).ToUnixTimeMilliseconds(), clock.NowMs);
    }

    [Fact]
    public async Task SyncAsync_samples_once_and_NowMs_follows_the_local_clock()
    {
        var time = new FakeTimeProvider(Local);
        var samples = 0;
        var clock = new ServerClock(time, _ =>
        {
            samples++;
            return Task.FromResult(new ServerTimeSample(Local.AddMilliseconds(-2500), Local, Local));
        });

        Assert.False(clock.IsSynced);
        Assert.Equal(TimeSpan.Zero, clock.Offset);

        await clock.EnsureSyncedAsync(TestContext.Current.CancellationToken);
        await clock.EnsureSyncedAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, samples);
        Assert.Equal(TimeSpan.FromMilliseconds(-2500), clock.Offset);
        Assert.Equal(Local.AddMilliseconds(7500).ToUnixTimeMilliseconds(), clock.NowMs);
        Assert.Equal(Local, clock.LastSyncedAt);
    }

    [Fact]
    public void Server_time_prefers_nanoseconds_then_envelope_ms_then_seconds()
    {
        var nanos = new ServerTime(1688639403, 1688639403423213947, 1688639403423);
        var ms = new ServerTime(1688639403, null, 1688639403423);
        var seconds = new ServerTime(1688639403, null, null);

        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(16886394034232139), nanos.Instant);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1688639403423), ms.Instant);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1688639403), seconds.Instant);
    }
}
