using System.Threading.Channels;
using Arb.Domain.Alerts;
using Microsoft.Extensions.Logging;

namespace Arb.Observability.Alerts;

/// <summary>
/// One channel's queue and delivery loop. Each channel has its own, so a dead SMTP server delays neither Telegram
/// nor the publisher.
/// </summary>
internal sealed class AlertChannelWorker
{
    private readonly IAlertChannel _channel;
    private readonly AlertDispatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Alert> _queue;
    private Task _loop = Task.CompletedTask;

    public AlertChannelWorker(IAlertChannel channel, AlertDispatcherOptions options, TimeProvider time, ILogger logger)
    {
        _channel = channel;
        _options = options;
        _time = time;
        _logger = logger;
        Counters = new AlertChannelCounters(channel.Name);
        _queue = System.Threading.Channels.Channel.CreateBounded<Alert>(
            new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnDropped);
    }

    public IAlertChannel Channel => _channel;

    public AlertChannelCounters Counters { get; }

    /// <summary>Alerts queued and not yet taken by the loop.</summary>
    public int Pending => _queue.Reader.Count;

    public Task Loop => _loop;

    public void Start(CancellationToken stop) => _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);

    /// <summary>Queues without waiting; a full queue drops its oldest alert instead.</summary>
    public void Enqueue(Alert alert)
    {
        if (!_queue.Writer.TryWrite(alert))
        {
            Counters.CountDropped();
            AlertLog.Dropped(_logger, alert.Kind, alert.Title, _channel.Name, "published after shutdown");
        }
    }

    /// <summary>No more alerts: the loop ends once the queue is empty.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>After the loop was stopped: counts what it never got to as dropped and returns how many.</summary>
    public int DropRemaining()
    {
        var count = 0;
        while (_queue.Reader.TryRead(out _))
        {
            Counters.CountDropped();
            count++;
        }

        return count;
    }

    private void OnDropped(Alert alert)
    {
        Counters.CountDropped();
        AlertLog.Dropped(_logger, alert.Kind, alert.Title, _channel.Name, $"queue full ({_options.QueueCapacity})");
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var alert in _queue.Reader.ReadAllAsync(stop))
            {
                await DeliverAsync(alert, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutdown gave up on the rest; the dispatcher has logged what was left.
        }
    }

    private async Task DeliverAsync(Alert alert, CancellationToken stop)
    {
        using var timeout = new CancellationTokenSource(_options.DeliveryTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
        try
        {
            // WaitAsync: a channel that ignores its token must not hold the queue beyond the timeout.
            await _channel.SendAsync(alert, linked.Token).WaitAsync(linked.Token);
            Counters.CountSent();
            AlertLog.Sent(_logger, alert.Kind, alert.Title, _channel.Name);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Counters.CountFailed();
            AlertLog.Failed(_logger, alert.Kind, alert.Title, _channel.Name, "abandoned at shutdown");
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Counters.CountFailed();
            AlertLog.Failed(_logger, alert.Kind, alert.Title, _channel.Name, $"no result within {_options.DeliveryTimeout.TotalSeconds:0.###} s");
        }
#pragma warning disable CA1031 // Whatever a channel throws, trading goes on: the failure is logged and counted.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Counters.CountFailed();
            AlertLog.Failed(_logger, alert.Kind, alert.Title, _channel.Name, Describe(ex));
        }
    }

    private static string Describe(Exception ex) =>
        ex is AlertDeliveryException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
}
