using System.Diagnostics;
using Arb.Domain.Alerts;
using Arb.Observability.Alerts;
using Arb.UnitTests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Arb.UnitTests.Alerts;

public sealed class AlertDispatcherTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // No rate limit and a delivery timeout the fake clock never reaches, unless a test says otherwise.
    private static readonly AlertDispatcherOptions Plain = new() { RateLimitWindow = TimeSpan.Zero, DeliveryTimeout = TimeSpan.FromHours(1) };

    [Fact]
    public async Task Every_alert_reaches_every_channel_and_is_counted()
    {
        var email = new FakeAlertChannel("email");
        var telegram = new FakeAlertChannel("telegram");
        await using var dispatcher = new AlertDispatcher([email, telegram], new CapturingLogger(), Plain, new FakeTimeProvider(Start));

        dispatcher.Publish(Make(AlertKind.RiskStop, "risk stop"));
        dispatcher.Publish(Make(AlertKind.Notice, "started"));

        await email.WaitForDeliveredAsync(2);
        await telegram.WaitForDeliveredAsync(2);
        Assert.Equal(["risk stop", "started"], email.Delivered.Select(a => a.Title));
        Assert.Equal(["risk stop", "started"], telegram.Delivered.Select(a => a.Title));
        await FakeAlertChannel.WaitUntilAsync(() => dispatcher.Sent == 4, "4 counted as sent");
        Assert.Equal(["email", "telegram"], dispatcher.Channels.Select(c => c.Channel));
        Assert.All(dispatcher.Channels, c => Assert.Equal(2, c.Sent));
        Assert.Equal(0, dispatcher.Failed);
    }

    [Fact]
    public async Task Every_alert_is_logged_at_warning_even_with_no_channel()
    {
        var logger = new CapturingLogger();
        await using var dispatcher = new AlertDispatcher([], logger, Plain, new FakeTimeProvider(Start));

        dispatcher.Publish(Make(AlertKind.RiskStop, "daily drawdown reached", "equity 9,870 USDT"));

        Assert.Contains(logger.Messages, m => m.StartsWith("Warning: ALERT RiskStop: daily drawdown reached\nequity 9,870 USDT", StringComparison.Ordinal));
        Assert.Contains(logger.Messages, m => m.Contains("no alert channel is configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_alert_per_kind_per_window_and_the_next_one_says_how_many_were_held_back()
    {
        var time = new FakeTimeProvider(Start);
        var channel = new FakeAlertChannel();
        var logger = new CapturingLogger();
        await using var dispatcher = new AlertDispatcher(
            [channel], logger, Plain with { RateLimitWindow = TimeSpan.FromSeconds(60) }, time);

        dispatcher.Publish(Make(AlertKind.Reconnects, "first"));
        time.Advance(TimeSpan.FromSeconds(10));
        dispatcher.Publish(Make(AlertKind.Reconnects, "second"));
        time.Advance(TimeSpan.FromSeconds(10));
        dispatcher.Publish(Make(AlertKind.Reconnects, "third"));
        dispatcher.Publish(Make(AlertKind.LegImbalance, "other kind"));
        await channel.WaitForDeliveredAsync(2);

        time.Advance(TimeSpan.FromSeconds(41)); // 61 s after the first
        dispatcher.Publish(Make(AlertKind.Reconnects, "fourth", "spot stream"));
        await channel.WaitForDeliveredAsync(3);

        Assert.Equal(["first", "other kind", "fourth"], channel.Delivered.Select(a => a.Title));
        Assert.Equal("spot stream\n\n(+2 more since 2025-03-01 12:00:00 UTC)", channel.Delivered[2].Body);
        Assert.Equal(2, dispatcher.SuppressedOf(AlertKind.Reconnects));
        Assert.Equal(0, dispatcher.SuppressedOf(AlertKind.LegImbalance));
        Assert.Equal(2, dispatcher.Suppressed);

        // The held-back ones are still in the local log.
        Assert.Contains(logger.Messages, m => m.StartsWith("Warning: ALERT Reconnects: second", StringComparison.Ordinal));
        Assert.Contains(logger.Messages, m => m.StartsWith("Warning: ALERT Reconnects: third", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_window_restarts_at_each_alert_sent_and_carries_no_note_when_nothing_was_held()
    {
        var time = new FakeTimeProvider(Start);
        var channel = new FakeAlertChannel();
        await using var dispatcher = new AlertDispatcher([channel], new CapturingLogger(), Plain with { RateLimitWindow = TimeSpan.FromSeconds(5) }, time);

        dispatcher.Publish(Make(AlertKind.Notice, "at 0", "body"));
        time.Advance(TimeSpan.FromSeconds(5));
        dispatcher.Publish(Make(AlertKind.Notice, "at 5", "body"));
        time.Advance(TimeSpan.FromSeconds(4));
        dispatcher.Publish(Make(AlertKind.Notice, "at 9 (held)", "body"));
        time.Advance(TimeSpan.FromSeconds(1));
        dispatcher.Publish(Make(AlertKind.Notice, "at 10", "body"));
        await channel.WaitForDeliveredAsync(3);

        Assert.Equal(["at 0", "at 5", "at 10"], channel.Delivered.Select(a => a.Title));
        Assert.Equal("body", channel.Delivered[1].Body);
        Assert.Equal("body\n\n(+1 more since 2025-03-01 12:00:05 UTC)", channel.Delivered[2].Body);
    }

    [Fact]
    public async Task A_zero_window_lets_everything_through()
    {
        var channel = new FakeAlertChannel();
        await using var dispatcher = new AlertDispatcher([channel], new CapturingLogger(), Plain, new FakeTimeProvider(Start));

        for (var i = 0; i < 5; i++)
        {
            dispatcher.Publish(Make(AlertKind.OrdersRefused, $"refused {i}"));
        }

        await channel.WaitForDeliveredAsync(5);
        Assert.Equal(0, dispatcher.Suppressed);
    }

    [Fact]
    public async Task A_channel_that_throws_is_logged_and_counted_and_the_others_still_deliver()
    {
        var good = new FakeAlertChannel("good");
        var logger = new CapturingLogger();
        await using var dispatcher = new AlertDispatcher([new ThrowingAlertChannel("broken"), good], logger, Plain, new FakeTimeProvider(Start));

        dispatcher.Publish(Make(AlertKind.LegImbalance, "legs differ"));
        dispatcher.Publish(Make(AlertKind.Notice, "still here"));

        await good.WaitForDeliveredAsync(2);
        await FakeAlertChannel.WaitUntilAsync(() => dispatcher.Failed == 2, "two failures");
        Assert.Equal([2L, 0L], dispatcher.Channels.Select(c => c.Failed));
        Assert.Equal([0L, 2L], dispatcher.Channels.Select(c => c.Sent));
        Assert.Contains(logger.Messages, m => m.StartsWith(
            "Error: LegImbalance alert 'legs differ' not sent by broken: InvalidOperationException: boom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_returns_at_once_when_a_channel_hangs_and_a_full_queue_drops_the_oldest()
    {
        var time = new FakeTimeProvider(Start);
        var never = new TaskCompletionSource();
        var hung = new FakeAlertChannel("hung", (_, _) => never.Task); // ignores its token, too
        var options = new AlertDispatcherOptions
        {
            RateLimitWindow = TimeSpan.Zero,
            QueueCapacity = 3,
            DeliveryTimeout = TimeSpan.FromSeconds(30),
            FlushTimeout = TimeSpan.FromSeconds(5),
        };
        var logger = new CapturingLogger();
        var dispatcher = new AlertDispatcher([hung], logger, options, time);

        dispatcher.Publish(Make(AlertKind.Notice, "stuck"));
        await FakeAlertChannel.WaitUntilAsync(() => hung.Attempts == 1, "the first delivery to start");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
        {
            dispatcher.Publish(Make(AlertKind.Notice, $"alert {i}"));
        }

        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"50 publishes took {watch.Elapsed}");
        Assert.Equal(47, dispatcher.Dropped); // 3 queued behind the stuck one
        Assert.Contains(logger.Messages, m => m.Contains("'alert 0' dropped by hung: queue full (3)", StringComparison.Ordinal));

        // The stuck delivery times out on the dispatcher's clock and the next one starts.
        await AdvanceUntilAsync(time, () => hung.Attempts == 2);
        Assert.Equal(1, dispatcher.Failed);
        Assert.Contains(logger.Messages, m => m.Contains("'stuck' not sent by hung: no result within 30 s", StringComparison.Ordinal));

        // Disposing gives up after the flush timeout and accounts for every alert.
        var disposing = dispatcher.DisposeAsync().AsTask();
        await AdvanceUntilAsync(time, () => disposing.IsCompleted);
        await disposing;
        Assert.Equal(51, dispatcher.Sent + dispatcher.Failed + dispatcher.Dropped);
        Assert.Equal(0, dispatcher.Sent);
        Assert.Contains(logger.Messages, m => m.Contains("abandoned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_never_throws_not_even_for_null_a_broken_logger_or_after_dispose()
    {
        var channel = new FakeAlertChannel();
        var throwingLogger = new ThrowingLogger();
        var dispatcher = new AlertDispatcher([channel], new CapturingLogger(), Plain, new FakeTimeProvider(Start));
        await using var broken = new AlertDispatcher([], throwingLogger, Plain, new FakeTimeProvider(Start));
        throwingLogger.Throw = true;

        dispatcher.Publish(null!);
        broken.Publish(Make(AlertKind.Notice, "logger throws"));
        await dispatcher.DisposeAsync();
        dispatcher.Publish(Make(AlertKind.Notice, "too late"));

        Assert.Equal(1, dispatcher.Dropped);
        Assert.Empty(channel.Delivered);
    }

    [Fact]
    public async Task Dispose_waits_for_queued_alerts_to_go_out()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new FakeAlertChannel("slow", (_, ct) => gate.Task.WaitAsync(ct));
        var dispatcher = new AlertDispatcher([slow], new CapturingLogger(), Plain, TimeProvider.System);

        dispatcher.Publish(Make(AlertKind.RiskStop, "risk stop"));
        dispatcher.Publish(Make(AlertKind.Notice, "stopping"));
        dispatcher.Publish(Make(AlertKind.Notice, "stopped"));
        var disposing = dispatcher.DisposeAsync().AsTask();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(disposing.IsCompleted, "dispose returned before the queue was sent");

        gate.SetResult();
        await disposing.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(["risk stop", "stopping", "stopped"], slow.Delivered.Select(a => a.Title));
        Assert.Equal(3, dispatcher.Sent);
    }

    [Fact]
    public async Task Dispose_sends_the_latest_alert_of_each_kind_the_rate_limit_held_back()
    {
        var time = new FakeTimeProvider(Start);
        var channel = new FakeAlertChannel();
        var dispatcher = new AlertDispatcher([channel], new CapturingLogger(), Plain with { RateLimitWindow = TimeSpan.FromMinutes(1) }, time);

        dispatcher.Publish(Make(AlertKind.RiskStop, "drawdown", "first"));
        time.Advance(TimeSpan.FromSeconds(1));
        dispatcher.Publish(Make(AlertKind.RiskStop, "drawdown", "second"));
        dispatcher.Publish(Make(AlertKind.RiskStop, "stopped for the day", "final"));
        await dispatcher.DisposeAsync();

        Assert.Equal(["drawdown", "stopped for the day"], channel.Delivered.Select(a => a.Title));
        Assert.Equal("final\n\n(+1 more since 2025-03-01 12:00:00 UTC)", channel.Delivered[1].Body);
    }

    [Fact]
    public async Task Dispose_twice_is_harmless_and_disposes_the_channels()
    {
        var channel = new DisposableChannel();
        var dispatcher = new AlertDispatcher([channel], new CapturingLogger(), Plain, new FakeTimeProvider(Start));

        await dispatcher.DisposeAsync();
        await dispatcher.DisposeAsync();

        Assert.Equal(1, channel.Disposals);
    }

    [Fact]
    public void Channel_names_must_be_unique()
    {
        Assert.Throws<ArgumentException>(() =>
            new AlertDispatcher([new FakeAlertChannel("x"), new FakeAlertChannel("x")], new CapturingLogger(), Plain));
    }

    private static Alert Make(AlertKind kind, string title, string body = "details") => new(kind, title, body, Start);

    /// <summary>Moves the fake clock a second at a time until <paramref name="condition"/> holds.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out advancing the fake clock");
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    private sealed class DisposableChannel : IAlertChannel, IDisposable
    {
        public int Disposals { get; private set; }

        public string Name => "disposable";

        public Task SendAsync(Alert alert, CancellationToken ct) => Task.CompletedTask;

        public void Dispose() => Disposals++;
    }

    private sealed class ThrowingLogger : ILogger
    {
        public bool Throw { get; set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Throw)
            {
                throw new InvalidOperationException("log sink down");
            }
        }
    }
}
