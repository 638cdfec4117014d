using Arb.Domain.Execution;
using Arb.Domain.Trading;

namespace Arb.Engine.Execution;

/// <summary>
/// Every order of ours whose outcome is still being collected, by client id, and the exec ids of every fill
/// already booked. The stream and REST queries can both report the same fill, and a reconnect may replay one:
/// each exec id is accepted once, so no fill is booked twice. Thread-safe: the account-event consumer, the
/// executors and the reconciliation all call in.
/// </summary>
public sealed class OrderTracker
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, TrackedOrder> _orders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _execIds = new(StringComparer.Ordinal);

    /// <summary>Records the order before it is sent, so any event about it finds it.</summary>
    public TrackedOrder Track(OrderIntent intent, decimal edgeBps, decimal expectedPrice, long trackedAtMs = 0)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var order = new TrackedOrder(intent, edgeBps, expectedPrice, trackedAtMs);
        lock (_sync)
        {
            if (!_orders.TryAdd(intent.OrderLinkId, order))
            {
                throw new InvalidOperationException($"order link id {intent.OrderLinkId} is already tracked");
            }
        }

        return order;
    }

    public bool TryGet(string orderLinkId, out TrackedOrder? order)
    {
        lock (_sync)
        {
            return _orders.TryGetValue(orderLinkId, out order);
        }
    }

    /// <summary>The orders not settled yet (for reconciliation after the stream was down).</summary>
    public IReadOnlyList<TrackedOrder> Unsettled()
    {
        lock (_sync)
        {
            return _orders.Values.Where(o => !o.IsSettled).ToList();
        }
    }

    /// <summary>
    /// Accepts a fill once (false when its exec id was seen before) and books it through <paramref name="book"/>
    /// before crediting it to its order, so an execution that sees its orders settled always finds their fills in
    /// the portfolio. <paramref name="order"/> is the tracked order the fill belongs to, or null for a fill of an
    /// order this process did not send (booked all the same).
    /// </summary>
    public bool TryAcceptFill(Fill fill, IFillBook book, out TrackedOrder? order)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(book);
        lock (_sync)
        {
            _orders.TryGetValue(fill.OrderLinkId, out order);
            if (!_execIds.Add(fill.ExecId))
            {
                return false;
            }
        }

        book.Book(fill, order);
        if (order is not null)
        {
            lock (_sync)
            {
                order.FilledQuantity += fill.Quantity;
                order.TrySettle();
            }
        }

        return true;
    }

    /// <summary>
    /// Accepts a fill read back at start-up (from trades.csv or the venue's history) once, by exec id, without
    /// crediting any order: it belongs to a previous run.
    /// </summary>
    public bool TryAcceptRecovered(string execId)
    {
        ArgumentException.ThrowIfNullOrEmpty(execId);
        lock (_sync)
        {
            return _execIds.Add(execId);
        }
    }

    /// <summary>Accepts a funding settlement once, by its exec id (a reconnect may replay it).</summary>
    public bool TryAcceptFunding(FundingPayment funding)
    {
        ArgumentNullException.ThrowIfNull(funding);
        lock (_sync)
        {
            return _execIds.Add(funding.ExecId);
        }
    }

    /// <summary>A status from the stream; a closed one tells how much the venue filled in all.</summary>
    public void OnOrderUpdate(OrderUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!update.Status.IsClosed())
        {
            return;
        }

        lock (_sync)
        {
            if (_orders.TryGetValue(update.OrderLinkId, out var order))
            {
                order.Close(update.CumExecQty, update.RejectReason is "EC_NoError" ? null : update.RejectReason);
            }
        }
    }

    /// <summary>The venue refused the order outright: nothing of it can fill.</summary>
    public void MarkRejected(TrackedOrder order, string reason)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_sync)
        {
            order.Close(0m, reason);
        }
    }

    /// <summary>Stops tracking a settled order; its exec ids stay remembered.</summary>
    public void Forget(TrackedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_sync)
        {
            _orders.Remove(order.Intent.OrderLinkId);
        }
    }

    /// <summary>
    /// Marks exec ids as booked by an earlier run (from the state file), so a fill or funding the venue reports
    /// again after a restart is not booked a second time.
    /// </summary>
    public void RememberExecIds(IEnumerable<string> execIds)
    {
        ArgumentNullException.ThrowIfNull(execIds);
        lock (_sync)
        {
            foreach (var execId in execIds)
            {
                _execIds.Add(execId);
            }
        }
    }

    /// <summary>Tracks again an order an earlier run left in flight, with what it had filled then.</summary>
    internal TrackedOrder Restore(OrderIntent intent, decimal edgeBps, decimal expectedPrice, decimal filledQuantity, long trackedAtMs)
    {
        var order = Track(intent, edgeBps, expectedPrice, trackedAtMs);
        lock (_sync)
        {
            order.FilledQuantity = filledQuantity;
        }

        return order;
    }

    /// <summary>Maps the unsettled orders under the lock, so their filled quantities are read consistently.</summary>
    internal List<T> SelectUnsettled<T>(Func<TrackedOrder, T> select)
    {
        lock (_sync)
        {
            return _orders.Values.Where(o => !o.IsSettled).Select(select).ToList();
        }
    }

    /// <summary>Applies a REST report: books the fills not booked yet, closes the order when the venue has, and returns those fills.</summary>
    public IReadOnlyList<Fill> ApplyReport(VenueOrderReport report, IFillBook book)
    {
        ArgumentNullException.ThrowIfNull(report);
        var fresh = new List<Fill>();
        foreach (var fill in report.Fills)
        {
            if (TryAcceptFill(fill, book, out _))
            {
                fresh.Add(fill);
            }
        }

        if (report.IsClosed)
        {
            lock (_sync)
            {
                if (_orders.TryGetValue(report.OrderLinkId, out var order))
                {
                    order.Close(report.FilledQuantity, null);
                }
            }
        }

        return fresh;
    }
}
