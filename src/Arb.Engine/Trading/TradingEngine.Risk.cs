using Arb.Domain.Alerts;
using Arb.Engine.Risk;
using Microsoft.Extensions.Logging;

namespace Arb.Engine.Trading;

/// <summary>
/// The engine's side of the risk manager: PnL read periodically, stops turned into closing every position, and
/// Reducing turned into Halted once everything is flat.
/// </summary>
public sealed partial class TradingEngine
{
    private readonly TaskCompletionSource<RiskStop> _halted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<RiskStop> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RiskPause? _announcedPause;

    /// <summary>Completes with the stop as soon as a risk limit stopped trading (positions are being closed).</summary>
    public Task<RiskStop> Stopped => _stopped.Task;

    /// <summary>Completes with the stop once a stop closed every position (trading is Halted); the caller then exits.</summary>
    public Task<RiskStop> Halted => _halted.Task;

    /// <summary>
    /// Reads the PnL into the risk manager every <paramref name="interval"/> until cancelled; a stop makes every
    /// symbol close its position, and once all are flat and idle trading is Halted and <see cref="Halted"/> completes.
    /// </summary>
    public async Task MonitorRiskAsync(TimeSpan interval, CancellationToken ct)
    {
        if (Risk is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            do
            {
                EvaluateRisk();
            }
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>One risk reading: PnL against the stop rules, and the Reducing → Halted step.</summary>
    public void EvaluateRisk()
    {
        if (Risk is null)
        {
            return;
        }

        if (Risk.Evaluate(PnlView.From(Status())) is { } stop)
        {
            OnStop(stop);
        }

        if (Risk.Pause is { } pause && !ReferenceEquals(pause, _announcedPause))
        {
            _announcedPause = pause;
            LogPaused(pause.Message);
            Alert(AlertKind.RiskStop, $"paused until {pause.Until:yyyy-MM-dd HH:mm} UTC: {RiskRules.Label(pause.Rule)}", pause.Message);
        }

        if (Risk.State == TradingState.Reducing && _traders.Values.All(t => t.IsFlatAndIdle) && Risk.MarkFlat() && Risk.Stop is { } done)
        {
            LogHalted(done.Rule.ToString());
            Alert(AlertKind.RiskStop, "halted: every position closed", $"Trading is halted after: {done.Message}");
            _halted.TrySetResult(done);
        }
    }

    /// <summary>An error counted against ERROR_LIMIT; <paramref name="kind"/> labels it in the metrics.</summary>
    public void RecordError(string what, string kind = "other")
    {
        LogError(what);
        Metrics.Error(kind);
        if (Risk?.RecordError(what) is { } stop)
        {
            OnStop(stop);
        }
    }

    /// <summary>A stop restored from the state file: a restart does not lift it, so every position is closed again.</summary>
    public void ResumeStop()
    {
        if (Risk?.Stop is { } stop && Risk.State == TradingState.Reducing)
        {
            LogStop(stop.Rule.ToString(), "still in force from before the restart: " + stop.Message);
            Halt(flatten: true);
            _stopped.TrySetResult(stop);
        }
    }

    // A refused or shrunk open: alerted (the dispatcher folds a burst into one message per minute).
    private void OnLimited(string symbol, OrderCheck check)
    {
        LogLimited(symbol, check.Verdict.ToString(), check.Reason ?? string.Empty);
        Alert(AlertKind.OrdersRefused, $"{symbol}: open {check.Verdict.ToString().ToLowerInvariant()} by {RiskRules.Label(check.Rule!.Value)}", check.Reason ?? string.Empty);
    }

    private void OnStop(RiskStop stop)
    {
        LogStop(stop.Rule.ToString(), stop.Message);
        Alert(AlertKind.RiskStop, $"risk stop: {RiskRules.Label(stop.Rule)}", $"{stop.Message}. Closing every position, then exiting.");
        Halt(flatten: true);
        _stopped.TrySetResult(stop);
    }

    private void Alert(AlertKind kind, string title, string body) => _alerts?.Publish(new Alert(kind, title, body, _time.GetUtcNow()));

    [LoggerMessage(Level = LogLevel.Critical, Message = "risk stop ({Rule}): {Message}; closing every position")]
    private partial void LogStop(string rule, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: open {Verdict} by a risk limit: {Reason}")]
    private partial void LogLimited(string symbol, string verdict, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "daily pause: {Message}")]
    private partial void LogPaused(string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "halted after the {Rule} stop: every position is closed")]
    private partial void LogHalted(string rule);

    [LoggerMessage(Level = LogLevel.Error, Message = "counted against ERROR_LIMIT: {What}")]
    private partial void LogError(string what);
}
