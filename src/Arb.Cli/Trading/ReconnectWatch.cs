using Arb.Domain.Alerts;

namespace Arb.Cli.Trading;

/// <summary>
/// Alerts when the streams keep reconnecting: three or more reconnects (public and private together) within a
/// minute. One reconnect is routine (Bybit restarts connections); a storm means the bot is trading half blind.
/// </summary>
internal sealed class ReconnectWatch(TradingRunner runner, IAlertSink alerts, TimeProvider time)
{
    private const int Storm = 3;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var seen = Reconnects();
        using var timer = new PeriodicTimer(Window, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var now = Reconnects();
                if (now - seen >= Storm)
                {
                    alerts.Publish(new Alert(
                        AlertKind.Reconnects,
                        $"{now - seen} stream reconnects in a minute",
                        $"The WebSocket streams reconnected {now - seen} times in the last minute ({now} since start). Books are rebuilt each time; check the network or the exchange's status.",
                        time.GetUtcNow()));
                }

                seen = now;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private long Reconnects() =>
        (runner.Pipeline?.Spot.Stats.Reconnects ?? 0) + (runner.Pipeline?.Linear.Stats.Reconnects ?? 0) + (runner.PrivateStream?.Stats.Reconnects ?? 0);
}
