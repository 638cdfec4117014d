using System.Collections.Concurrent;
using Arb.Domain.Alerts;
using Arb.Observability.Alerts;

namespace Arb.UnitTests.Alerts;

/// <summary>A channel that records what it delivered; <c>before</c> can delay, hang or fail a delivery.</summary>
internal sealed class FakeAlertChannel(string name = "fake", Func<Alert, CancellationToken, Task>? before = null) : IAlertChannel
{
    private readonly ConcurrentQueue<Alert> _delivered = new();
    private int _attempts;

    public string Name => name;

    public IReadOnlyList<Alert> Delivered => [.. _delivered];

    public int Attempts => Volatile.Read(ref _attempts);

    public async Task SendAsync(Alert alert, CancellationToken ct)
    {
        Interlocked.Increment(ref _attempts);
        if (before is not null)
        {
            await before(alert, ct);
        }

        _delivered.Enqueue(alert);
    }

    /// <summary>Waits (in real time) until <paramref name="count"/> alerts were delivered.</summary>
    public Task WaitForDeliveredAsync(int count) => WaitUntilAsync(() => _delivered.Count >= count, $"{count} deliveries by {name}");

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for " + what);
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>Throws from <see cref="SendAsync"/> itself rather than returning a faulted task.</summary>
internal sealed class ThrowingAlertChannel(string name) : IAlertChannel
{
    public string Name => name;

    public Task SendAsync(Alert alert, CancellationToken ct) => throw new InvalidOperationException("boom");
}
