using Arb.Engine.Backtest;

namespace Arb.UnitTests.Backtest;

/// <summary>The backtest's clock: data time only moves forward, and timers fire inside the move, in order, at their own times.</summary>
public sealed class ManualClockTests
{
    [Fact]
    public void Timers_fire_in_due_order_at_their_due_time_and_equal_times_in_creation_order()
    {
        var clock = new ManualClock(1_000);
        var fired = new List<string>();
        using var late = clock.CreateTimer(_ => fired.Add($"late@{clock.NowMs}"), null, TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
        using var first = clock.CreateTimer(_ => fired.Add($"first@{clock.NowMs}"), null, TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        using var second = clock.CreateTimer(_ => fired.Add($"second@{clock.NowMs}"), null, TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        var cancelled = clock.CreateTimer(_ => fired.Add("cancelled"), null, TimeSpan.FromMilliseconds(200), Timeout.InfiniteTimeSpan);
        cancelled.Dispose();

        clock.AdvanceTo(1_250);
        Assert.Equal(["first@1100", "second@1100"], fired);
        Assert.Equal(1_250, clock.NowMs);

        clock.AdvanceTo(1_200); // the data never goes back
        Assert.Equal(1_250, clock.NowMs);

        clock.AdvanceTo(5_000);
        Assert.Equal(["first@1100", "second@1100", "late@1300"], fired);
        Assert.Null(clock.NextDueMs);
    }

    [Fact]
    public async Task A_delay_on_the_clock_completes_when_the_data_reaches_it()
    {
        var clock = new ManualClock(0);
        var delay = Task.Delay(TimeSpan.FromMilliseconds(750), clock, TestContext.Current.CancellationToken);

        clock.AdvanceTo(749);
        Assert.False(delay.IsCompleted);
        clock.AdvanceTo(750);
        await delay.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(750), clock.GetUtcNow());
    }
}
