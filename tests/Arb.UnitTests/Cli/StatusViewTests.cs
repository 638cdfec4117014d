using Arb.Cli.Run.Status;
using Arb.Engine.Trading;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Cli;

public sealed class StatusViewTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var ct = TestContext.Current.CancellationToken;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Prompt);
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    [Fact]
    public async Task Log_mode_logs_every_interval_and_returns_promptly_when_cancelled()
    {
        var logger = new CapturingLogger();
        var view = new StatusView(logger, TimeProvider.System) { Interactive = false, LogInterval = TimeSpan.FromMilliseconds(20) };
        using var stop = new CancellationTokenSource();

        var run = view.RunAsync(() => StatusSamples.Status, stop.Token);
        await WaitUntilAsync(() => logger.Messages.Count(m => m.Contains("status paper", StringComparison.Ordinal)) >= 2);
        await stop.CancelAsync();

        await run.WaitAsync(Prompt, TestContext.Current.CancellationToken);
        Assert.True(run.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Cancellation_does_not_wait_for_a_long_interval()
    {
        var logger = new CapturingLogger();
        var view = new StatusView(logger, TimeProvider.System) { Interactive = false, LogInterval = TimeSpan.FromHours(1) };
        using var stop = new CancellationTokenSource();

        var run = view.RunAsync(() => StatusSamples.Status, stop.Token);
        await WaitUntilAsync(() => logger.Messages.Count > 0);
        await stop.CancelAsync();

        await run.WaitAsync(Prompt, TestContext.Current.CancellationToken);
        Assert.Equal(3, logger.Messages.Count);
    }

    [Fact]
    public async Task Live_mode_redraws_the_table_on_the_terminal_and_stops_cleanly()
    {
        var (console, output) = StatusTableTests.PlainConsole();
        var logger = new CapturingLogger();
        var view = new StatusView(logger, TimeProvider.System)
        {
            Terminal = console,
            Interactive = true,
            LiveInterval = TimeSpan.FromMilliseconds(10),
        };
        var calls = 0;
        EngineStatus Next()
        {
            Interlocked.Increment(ref calls);
            return StatusSamples.Status;
        }

        using var stop = new CancellationTokenSource();
        var run = view.RunAsync(Next, stop.Token);
        await WaitUntilAsync(() => Volatile.Read(ref calls) >= 3);
        await stop.CancelAsync();

        await run.WaitAsync(Prompt, TestContext.Current.CancellationToken);
        Assert.True(run.IsCompletedSuccessfully);
        Assert.Contains("BTCUSDT", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("equity 10012.35 USDT", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(logger.Messages); // the table is the output; nothing is logged
    }

    [Fact]
    public async Task An_already_cancelled_run_returns_without_throwing()
    {
        var view = new StatusView(new CapturingLogger(), TimeProvider.System) { Interactive = false };

        await view.RunAsync(() => StatusSamples.Status, new CancellationToken(canceled: true));
    }
}
