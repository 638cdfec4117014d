using Arb.Engine.Trading;

namespace Arb.UnitTests.Engine.Trading;

public sealed class TradeThrottleTests
{
    // 2025-03-01 12:00:00 UTC.
    private static readonly long Noon = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static readonly long Midnight = new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Nothing_is_blocked_before_the_first_trade()
    {
        var throttle = new TradeThrottle(TimeSpan.FromSeconds(5), maxDailyTrades: 3);

        Assert.False(throttle.IsCoolingDown(Noon));
        Assert.True(throttle.CanOpen(Noon));
        Assert.True(throttle.CanClose(Noon));
        Assert.Equal(0, throttle.TradesToday(Noon));
    }

    [Fact]
    public void The_cooldown_blocks_opens_and_closes_until_TRADE_COOLDOWN_SEC_has_passed()
    {
        var throttle = new TradeThrottle(TimeSpan.FromSeconds(0.5), maxDailyTrades: 200);
        throttle.Record(Noon);

        foreach (var after in new[] { 0L, 1L, 250L, 499L })
        {
            Assert.True(throttle.IsCoolingDown(Noon + after));
            Assert.False(throttle.CanOpen(Noon + after));
            Assert.False(throttle.CanClose(Noon + after));
        }

        Assert.False(throttle.IsCoolingDown(Noon + 500));
        Assert.True(throttle.CanOpen(Noon + 500));
        Assert.True(throttle.CanClose(Noon + 500));
    }

    [Fact]
    public void A_zero_cooldown_never_blocks()
    {
        var throttle = new TradeThrottle(TimeSpan.Zero, maxDailyTrades: 200);
        throttle.Record(Noon);

        Assert.True(throttle.CanOpen(Noon));
        Assert.True(throttle.CanClose(Noon));
    }

    [Fact]
    public void Each_trade_restarts_the_cooldown()
    {
        var throttle = new TradeThrottle(TimeSpan.FromSeconds(1), maxDailyTrades: 200);
        throttle.Record(Noon);
        throttle.Record(Noon + 1_000);

        Assert.False(throttle.CanOpen(Noon + 1_999));
        Assert.True(throttle.CanOpen(Noon + 2_000));
    }

    [Fact]
    public void MAX_DAILY_TRADES_pauses_opens_for_the_rest_of_the_UTC_day_but_closes_stay_allowed()
    {
        var throttle = new TradeThrottle(TimeSpan.FromSeconds(1), maxDailyTrades: 3);
        throttle.Record(Noon);
        throttle.Record(Noon + 10_000);
        Assert.True(throttle.CanOpen(Noon + 20_000));
        throttle.Record(Noon + 20_000);

        Assert.Equal(3, throttle.TradesToday(Noon + 30_000));
        Assert.True(throttle.IsPausedForDay(Noon + 30_000));
        Assert.False(throttle.CanOpen(Noon + 30_000));
        Assert.True(throttle.CanClose(Noon + 30_000)); // a pause must not trap a position

        // Still paused one millisecond before midnight, hours after the last trade.
        Assert.False(throttle.CanOpen(Midnight - 1));
        Assert.True(throttle.CanClose(Midnight - 1));
    }

    [Fact]
    public void A_close_at_the_limit_still_counts_but_the_cooldown_still_applies_to_it()
    {
        var throttle = new TradeThrottle(TimeSpan.FromSeconds(1), maxDailyTrades: 1);
        throttle.Record(Noon);
        Assert.False(throttle.CanClose(Noon + 999));
        Assert.True(throttle.CanClose(Noon + 1_000));

        throttle.Record(Noon + 1_000); // the close
        Assert.Equal(2, throttle.TradesToday(Noon + 1_000));
        Assert.False(throttle.CanOpen(Noon + 60_000));
    }

    [Fact]
    public void The_daily_count_resets_at_00_00_UTC()
    {
        var throttle = new TradeThrottle(TimeSpan.Zero, maxDailyTrades: 2);
        throttle.Record(Midnight - 2);
        throttle.Record(Midnight - 1);

        Assert.Equal(2, throttle.TradesToday(Midnight - 1));
        Assert.False(throttle.CanOpen(Midnight - 1));

        Assert.Equal(0, throttle.TradesToday(Midnight));
        Assert.False(throttle.IsPausedForDay(Midnight));
        Assert.True(throttle.CanOpen(Midnight));

        throttle.Record(Midnight + 5);
        Assert.Equal(1, throttle.TradesToday(Midnight + 5));
    }

    [Fact]
    public void The_day_is_the_UTC_calendar_day_not_24_hours_after_the_first_trade()
    {
        var throttle = new TradeThrottle(TimeSpan.Zero, maxDailyTrades: 1);
        var lateEvening = Midnight - TimeSpan.FromMinutes(1).Ticks / TimeSpan.TicksPerMillisecond;
        throttle.Record(lateEvening);
        Assert.False(throttle.CanOpen(lateEvening + 1));

        // Two minutes later it is a new day, although far less than 24 h passed.
        Assert.True(throttle.CanOpen(lateEvening + 120_000));
    }
}
