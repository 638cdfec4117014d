using Arb.Domain.Execution;
using Microsoft.Extensions.Logging;

namespace Arb.Engine.Execution;

/// <summary>
/// Sends one tracked order and waits until its outcome is fully known: from the private stream when it keeps up,
/// otherwise from REST queries by client id (which also book any fills the stream missed). An order whose
/// submission got no answer is never resent; if the venue still does not know its id after a few queries it was
/// never placed.
/// </summary>
internal sealed partial class OrderSettler(
    IExecutionVenue venue, OrderTracker tracker, IFillBook book, ExecutionOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>Where orders sent, refused and filled are counted; set by the engine.</summary>
    public Trading.IEngineMetrics Metrics { get; set; } = Trading.IEngineMetrics.None;

    /// <summary>Raised when the venue refuses an order (an error counted against ERROR_LIMIT).</summary>
    public event Action<string>? Rejected;

    /// <summary>Submits and settles; returns the filled quantity.</summary>
    public async Task<decimal> SubmitAndSettleAsync(TrackedOrder order, CancellationToken ct)
    {
        var intent = order.Intent;
        SubmitOutcome outcome;
        try
        {
            outcome = await venue.SubmitAsync(intent, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = SubmitOutcome.Unknown(ex.Message);
        }

        var leg = intent.IsMarket ? "hedge" : intent.Category == Arb.Domain.Market.MarketCategory.Spot ? "spot" : "perp";
        Metrics.OrderSent(intent.Symbol, leg);
        if (outcome.Status == SubmitStatus.Rejected)
        {
            Metrics.OrderRejected(intent.Symbol, leg, ReasonLabel(outcome.Reason));
            LogRejected(intent.OrderLinkId, intent.Symbol, intent.Category.ToString(), outcome.Reason ?? "no reason given");
            Rejected?.Invoke($"{intent.Symbol} {intent.Category} order {intent.OrderLinkId} rejected: {outcome.Reason}");
            tracker.MarkRejected(order, outcome.Reason ?? "rejected");
            return 0m;
        }

        if (outcome.Status == SubmitStatus.Unknown)
        {
            LogUnknown(intent.OrderLinkId, outcome.Reason ?? "no answer");
        }

        await SettleAsync(order, acknowledged: outcome.Status == SubmitStatus.Accepted, ct).ConfigureAwait(false);
        if (order.FilledQuantity > 0m)
        {
            Metrics.OrderFilled(intent.Symbol, leg);
        }

        return order.FilledQuantity;
    }

    private async Task SettleAsync(TrackedOrder order, bool acknowledged, CancellationToken ct)
    {
        await WaitAsync(order, options.StreamGrace, ct).ConfigureAwait(false);
        var unknownAnswers = 0;
        while (!order.IsSettled)
        {
            var intent = order.Intent;
            try
            {
                var report = await venue.QueryOrderAsync(intent.Category, intent.Symbol, intent.OrderLinkId, ct).ConfigureAwait(false);
                if (report is null)
                {
                    unknownAnswers++;
                    if (!acknowledged && unknownAnswers >= options.UnknownOrderQueries)
                    {
                        LogNeverPlaced(intent.OrderLinkId);
                        tracker.MarkRejected(order, "never reached the venue");
                        return;
                    }
                }
                else
                {
                    LogQueried(intent.OrderLinkId, report.Status.ToString(), report.FilledQuantity);
                    tracker.ApplyReport(report, book);

                    if (!report.IsClosed)
                    {
                        // An IOC order should never rest; if the venue says it does, stop it.
                        await venue.CancelAsync(intent.Category, intent.Symbol, intent.OrderLinkId, ct).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogQueryFailed(intent.OrderLinkId, ex.Message);
            }

            await WaitAsync(order, options.RetryDelay, ct).ConfigureAwait(false);
        }
    }

    private async Task WaitAsync(TrackedOrder order, TimeSpan limit, CancellationToken ct)
    {
        if (order.IsSettled)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(limit, time, timeout.Token);
        await Task.WhenAny(order.Settled, delay).ConfigureAwait(false);
        await timeout.CancelAsync().ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
    }

    // The leading number of a refusal ("170131 Insufficient balance.") keeps the metric's label set small.
    private static string ReasonLabel(string? reason)
    {
        var code = reason?.Split(' ', 2)[0];
        return !string.IsNullOrEmpty(code) && code.All(char.IsAsciiDigit) ? code : "unknown";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "order {OrderLinkId} ({Symbol} {Category}) rejected: {Reason}")]
    private partial void LogRejected(string orderLinkId, string symbol, string category, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "order {OrderLinkId}: no answer from the venue ({Reason}); not resent, asking for it by id")]
    private partial void LogUnknown(string orderLinkId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "order {OrderLinkId} is unknown to the venue after repeated queries: it was never placed")]
    private partial void LogNeverPlaced(string orderLinkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "order {OrderLinkId} read back over REST: {Status}, filled {Filled}")]
    private partial void LogQueried(string orderLinkId, string status, decimal filled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "order {OrderLinkId} query failed: {Reason}")]
    private partial void LogQueryFailed(string orderLinkId, string reason);
}
