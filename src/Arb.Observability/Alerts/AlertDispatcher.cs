using Arb.Domain.Alerts;
using Microsoft.Extensions.Logging;

namespace Arb.Observability.Alerts;

/// <summary>
/// The bot's <see cref="IAlertSink"/>: logs every alert at Warning (so none is lost, even with no channel configured),
/// rate-limits per <see cref="AlertKind"/>, and hands the rest to one background queue per channel. Publishing never
/// waits and never throws; delivery failures are logged and counted. Owns the channels and disposes them.
/// </summary>
public sealed class AlertDispatcher : IAlertSink, IAsyncDisposable
{
    private readonly AlertDispatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AlertRateLimiter _limiter;
    private readonly AlertChannelWorker[] _workers;
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;

    public AlertDispatcher(IEnumerable<IAlertChannel> channels, ILogger logger, AlertDispatcherOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options ?? new AlertDispatcherOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.RateLimitWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.QueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.DeliveryTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.FlushTimeout, TimeSpan.Zero);
        _time = time ?? TimeProvider.System;
        _logger = logger;
        _limiter = new AlertRateLimiter(_options.RateLimitWindow);
        _workers = [.. channels.Select(c => new AlertChannelWorker(c, _options, _time, logger))];

        var names = _workers.Select(w => w.Channel.Name).ToList();
        if (names.Count != names.Distinct(StringComparer.Ordinal).Count())
        {
            throw new ArgumentException("channel names must be unique: " + string.Join(", ", names), nameof(channels));
        }

        if (names.Count == 0)
        {
            AlertLog.NoChannel(logger);
        }
        else
        {
            AlertLog.Channels(logger, string.Join(", ", names));
        }

        foreach (var worker in _workers)
        {
            worker.Start(_stop.Token);
        }
    }

    /// <summary>One entry per configured channel, in the order given.</summary>
    public IReadOnlyList<AlertChannelCounters> Channels => [.. _workers.Select(w => w.Counters)];

    public long Sent => _workers.Sum(w => w.Counters.Sent);

    public long Failed => _workers.Sum(w => w.Counters.Failed);

    public long Dropped => _workers.Sum(w => w.Counters.Dropped);

    /// <summary>Alerts held back by the rate limit, all kinds together.</summary>
    public long Suppressed => _limiter.Suppressed;

    public long SuppressedOf(AlertKind kind) => _limiter.SuppressedOf(kind);

    public void Publish(Alert alert)
    {
        // The caller may be a risk check in the middle of trading: nothing here may throw into it.
        try
        {
            if (alert is null)
            {
                return;
            }

            AlertLog.Raised(_logger, alert.Kind, alert.Title, alert.Body);
            var admitted = _limiter.Admit(alert, _time.GetUtcNow());
            if (admitted is null)
            {
                AlertLog.HeldBack(_logger, alert.Kind, alert.Title);
                return;
            }

            foreach (var worker in _workers)
            {
                worker.Enqueue(admitted);
            }
        }
#pragma warning disable CA1031 // See above: an alert is never worth a failed trade path.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TryLogUnexpected(ex);
        }
    }

    /// <summary>
    /// Sends what is queued, plus the latest alert of each kind the rate limit held back, waiting at most
    /// <see cref="AlertDispatcherOptions.FlushTimeout"/>; then abandons the rest, logs it and disposes the channels.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var alert in _limiter.TakeHeldBack())
        {
            foreach (var worker in _workers)
            {
                worker.Enqueue(alert);
            }
        }

        foreach (var worker in _workers)
        {
            worker.Complete();
        }

        var loops = Task.WhenAll(_workers.Select(w => w.Loop));
        try
        {
            await loops.WaitAsync(_options.FlushTimeout, _time);
        }
        catch (TimeoutException)
        {
            var pending = string.Join(", ", _workers.Select(w => $"{w.Channel.Name} {w.Pending}"));
            AlertLog.Abandoned(_logger, _options.FlushTimeout.TotalSeconds, pending);
            await _stop.CancelAsync();
            await loops; // the loops only wait on cancellable operations, so they end promptly now
            foreach (var worker in _workers)
            {
                worker.DropRemaining();
            }
        }

        foreach (var worker in _workers)
        {
            await DisposeChannelAsync(worker.Channel);
        }

        _stop.Dispose();
    }

    private async Task DisposeChannelAsync(IAlertChannel channel)
    {
        try
        {
            switch (channel)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
#pragma warning disable CA1031 // Shutdown goes on whatever a channel does while closing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TryLogUnexpected(ex);
        }
    }

    private void TryLogUnexpected(Exception ex)
    {
        try
        {
            AlertLog.Unexpected(_logger, $"{ex.GetType().Name}: {ex.Message}");
        }
#pragma warning disable CA1031 // A broken logger must not turn into an exception for the publisher either.
        catch
#pragma warning restore CA1031
        {
        }
    }
}
