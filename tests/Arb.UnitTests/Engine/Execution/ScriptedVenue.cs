using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;

namespace Arb.UnitTests.Engine.Execution;

/// <summary>How the venue's private stream reports an order.</summary>
internal enum Delivery
{
    /// <summary>Every fill and the final status, before the submission returns.</summary>
    Stream,

    /// <summary>The fills, but never the final status (the stream dropped it): only a REST query can settle the order.</summary>
    StreamFillsOnly,

    /// <summary>Nothing: the stream is down, the order is known only through REST queries.</summary>
    RestOnly,
}

/// <summary>What the scripted venue does with one order.</summary>
internal sealed record OrderScript
{
    public SubmitStatus Answer { get; init; } = SubmitStatus.Accepted;

    public string? Reason { get; init; }

    /// <summary>The quantity that fills; null fills the whole order.</summary>
    public decimal? Filled { get; init; }

    /// <summary>How many equal fills the filled quantity comes in.</summary>
    public int Parts { get; init; } = 1;

    public Delivery Delivery { get; init; } = Delivery.Stream;

    /// <summary>False: the order never reached the venue (only sensible with <see cref="SubmitStatus.Unknown"/>); queries return null.</summary>
    public bool Exists { get; init; } = true;

    /// <summary>Then N queries say the order is still open with nothing filled.</summary>
    public int OpenQueries { get; init; }

    /// <summary>The first N queries do not find the order (REST lags behind the matching engine).</summary>
    public int UnknownQueries { get; init; }

    /// <summary>Then N queries fail with a transport error.</summary>
    public int FailingQueries { get; init; }

    /// <summary>The submission throws instead of answering (a transport error).</summary>
    public bool Throws { get; init; }

    public static OrderScript FillAll { get; } = new();

    public static OrderScript Fill(decimal quantity, int parts = 1) => new() { Filled = quantity, Parts = parts };

    public static OrderScript Reject(string reason = "insufficient balance") => new() { Answer = SubmitStatus.Rejected, Reason = reason, Filled = 0m };

    public static OrderScript NoAnswer(bool placed, decimal? filled = null) =>
        new() { Answer = SubmitStatus.Unknown, Reason = "timeout", Exists = placed, Filled = placed ? filled : 0m, Delivery = Delivery.RestOnly };
}

/// <summary>
/// A venue whose answer to each order is scripted by the test: accepted, rejected or unanswered, filled in full, in
/// part or not at all, and reported through the stream callback (synchronously, before the submission returns) or
/// only through <see cref="QueryOrderAsync"/>. Fills carry the order's limit price, or <see cref="SpotPrice"/> /
/// <see cref="PerpPrice"/> for a market order, no fee, and exec ids derived from the link id so that the stream and
/// REST report the same ones. Thread-safe.
/// </summary>
internal sealed class ScriptedVenue(Action<IAccountEvent> stream) : IExecutionVenue
{
    private readonly Lock _sync = new();
    private readonly List<OrderIntent> _submitted = [];
    private readonly Dictionary<string, (OrderIntent Intent, OrderScript Script, List<Fill> Fills)> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _queries = new(StringComparer.Ordinal);
    private readonly List<string> _cancels = [];

    /// <summary>Decides each order's fate; by default every order fills in full through the stream.</summary>
    public Func<OrderIntent, OrderScript> Script { get; set; } = _ => OrderScript.FillAll;

    public decimal SpotPrice { get; set; } = 100m;

    public decimal PerpPrice { get; set; } = 101m;

    public IReadOnlyList<OrderIntent> Submitted
    {
        get
        {
            lock (_sync)
            {
                return [.. _submitted];
            }
        }
    }

    public IReadOnlyList<OrderIntent> Hedges => [.. Submitted.Where(o => o.OrderLinkId.EndsWith('h'))];

    public IReadOnlyList<string> Cancels
    {
        get
        {
            lock (_sync)
            {
                return [.. _cancels];
            }
        }
    }

    public int Queries(string orderLinkId)
    {
        lock (_sync)
        {
            return _queries.GetValueOrDefault(orderLinkId);
        }
    }

    /// <summary>The fills the venue made for an order (what REST would report).</summary>
    public IReadOnlyList<Fill> FillsOf(string orderLinkId)
    {
        lock (_sync)
        {
            return _orders.TryGetValue(orderLinkId, out var order) ? [.. order.Fills] : [];
        }
    }

    public Task<SubmitOutcome> SubmitAsync(OrderIntent order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var script = Script(order);
        var events = new List<IAccountEvent>();
        lock (_sync)
        {
            _submitted.Add(order);
            if (script.Exists && script.Answer != SubmitStatus.Rejected)
            {
                var fills = MakeFills(order, script);
                _orders.Add(order.OrderLinkId, (order, script, fills));
                if (script.Delivery != Delivery.RestOnly)
                {
                    events.AddRange(fills);
                }

                if (script.Delivery == Delivery.Stream)
                {
                    events.Add(Update(order, fills));
                }
            }
        }

        foreach (var change in events)
        {
            stream(change);
        }

        if (script.Throws)
        {
            return Task.FromException<SubmitOutcome>(new HttpRequestException("connection reset"));
        }

        return Task.FromResult(script.Answer switch
        {
            SubmitStatus.Accepted => SubmitOutcome.Accepted,
            SubmitStatus.Rejected => SubmitOutcome.Rejected(script.Reason ?? "rejected"),
            _ => SubmitOutcome.Unknown(script.Reason ?? "no answer"),
        });
    }

    public Task<VenueOrderReport?> QueryOrderAsync(MarketCategory category, string symbol, string orderLinkId, CancellationToken ct = default)
    {
        lock (_sync)
        {
            var count = _queries[orderLinkId] = _queries.GetValueOrDefault(orderLinkId) + 1;
            if (!_orders.TryGetValue(orderLinkId, out var order) || order.Intent.Category != category || order.Intent.Symbol != symbol)
            {
                return Task.FromResult<VenueOrderReport?>(null);
            }

            var script = order.Script;
            if (count <= script.UnknownQueries)
            {
                return Task.FromResult<VenueOrderReport?>(null);
            }

            if (count <= (long)script.UnknownQueries + script.FailingQueries)
            {
                return Task.FromException<VenueOrderReport?>(new HttpRequestException("503"));
            }

            if (count <= (long)script.UnknownQueries + script.FailingQueries + script.OpenQueries)
            {
                return Task.FromResult<VenueOrderReport?>(new VenueOrderReport(orderLinkId, OrderStatus.New, 0m, []));
            }

            var final = Update(order.Intent, order.Fills);
            return Task.FromResult<VenueOrderReport?>(new VenueOrderReport(orderLinkId, final.Status, final.CumExecQty, [.. order.Fills]));
        }
    }

    public Task<bool> CancelAsync(MarketCategory category, string symbol, string orderLinkId, CancellationToken ct = default)
    {
        lock (_sync)
        {
            _cancels.Add(orderLinkId);
        }

        return Task.FromResult(false);
    }

    private List<Fill> MakeFills(OrderIntent order, OrderScript script)
    {
        var filled = script.Filled ?? order.Quantity;
        var price = order.LimitPrice ?? (order.Category == MarketCategory.Spot ? SpotPrice : PerpPrice);
        var fills = new List<Fill>();
        if (filled <= 0m)
        {
            return fills;
        }

        for (var i = 0; i < script.Parts; i++)
        {
            var quantity = i == script.Parts - 1 ? filled - (filled / script.Parts * (script.Parts - 1)) : filled / script.Parts;
            fills.Add(new Fill(order.Symbol, order.Category, order.Side, quantity, price, 0m, "USDT",
                order.OrderLinkId, $"x-{order.OrderLinkId}-{i}", 1_000 + i));
        }

        return fills;
    }

    private static OrderUpdate Update(OrderIntent order, List<Fill> fills)
    {
        var cum = fills.Sum(f => f.Quantity);
        var status = cum == order.Quantity
            ? OrderStatus.Filled
            : cum > 0m && order.Category == MarketCategory.Spot ? OrderStatus.PartiallyFilledCanceled : OrderStatus.Cancelled;
        var reason = cum == order.Quantity ? "EC_NoError" : cum > 0m ? "EC_CancelForNoFullFill" : "EC_NoImmediateQtyToFill";
        return new OrderUpdate(order.Category, order.Symbol, "o-" + order.OrderLinkId, order.OrderLinkId, order.Side, order.IsMarket ? "Market" : "Limit",
            status, order.Quantity, order.LimitPrice ?? 0m, cum == 0m ? null : fills.Sum(f => f.Price * f.Quantity) / cum, cum,
            fills.Sum(f => f.Price * f.Quantity), 0m, 0m, reason, 2_000);
    }

    public Task<VenueAccount> GetAccountAsync(IReadOnlyCollection<string> symbols, IReadOnlyCollection<string> coins, CancellationToken ct = default) =>
        throw new NotSupportedException("the executor tests never reconcile");

    public Task<VenueHistory> GetHistoryAsync(IReadOnlyCollection<string> symbols, long sinceMs, CancellationToken ct = default) =>
        throw new NotSupportedException("the executor tests never reconcile");
}

/// <summary>Every fill booked through the executors' <see cref="IFillBook"/>, in order.</summary>
internal sealed class RecordingFillBook : IFillBook
{
    private readonly Lock _sync = new();
    private readonly List<(Fill Fill, TrackedOrder? Order)> _booked = [];

    public IReadOnlyList<(Fill Fill, TrackedOrder? Order)> Booked
    {
        get
        {
            lock (_sync)
            {
                return [.. _booked];
            }
        }
    }

    public void Book(Fill fill, TrackedOrder? order)
    {
        lock (_sync)
        {
            _booked.Add((fill, order));
        }
    }
}
