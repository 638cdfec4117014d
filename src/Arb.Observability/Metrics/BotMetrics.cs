using Prometheus;

namespace Arb.Observability.Metrics;

/// <summary>
/// The bot's Prometheus metrics (names in <see cref="MetricNames"/>), on a registry of its own so that tests and
/// two bots in one process stay apart. The engine updates the collectors directly (<c>WsReconnects.WithLabels("spot").Inc()</c>)
/// or through the small helpers below; gauges that mirror a snapshot (positions, PnL, equity) are best refreshed
/// in a callback given to <see cref="AddBeforeCollect"/>, which runs at each scrape.
/// </summary>
/// <remarks>
/// Label values the contract fixes: stream <c>spot|linear|private</c>, leg <c>spot|perp|hedge</c> (positions: <c>spot|perp</c>),
/// direction <c>open|reverse|close</c>, state <c>active|reducing|halted</c>, category as the exchange spells it (<c>spot</c>, <c>linear</c>).
/// Collectors are thread-safe; <c>WithLabels</c> looks the child up in a dictionary, so a hot path may keep the child it got.
/// </remarks>
public sealed class BotMetrics
{
    /// <summary>The values <see cref="TradingState"/> carries, one series each.</summary>
    public static IReadOnlyList<string> TradingStates { get; } = ["active", "reducing", "halted"];

    public BotMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var f = Prometheus.Metrics.WithCustomRegistry(Registry);

        WsReconnects = f.CreateCounter(MetricNames.WsReconnects, "WebSocket reconnections, by stream (spot, linear, private).", "stream");
        RiskViolations = f.CreateCounter(MetricNames.RiskViolations, "Risk rule violations, by rule.", "rule");
        WsMessages = f.CreateCounter(MetricNames.WsMessages, "WebSocket messages received, by stream.", "stream");
        WsMalformedMessages = f.CreateCounter(MetricNames.WsMalformedMessages, "WebSocket messages that could not be parsed, by stream.", "stream");
        BookResyncs = f.CreateCounter(MetricNames.BookResyncs, "Order book resynchronisations (gap or checksum mismatch), by stream.", "stream");
        BookStaleness = f.CreateGauge(MetricNames.BookStaleness, "Seconds since the order book last changed validly.", "symbol", "category");
        BookValid = f.CreateGauge(MetricNames.BookValid, "1 while the order book is valid, else 0.", "symbol", "category");
        QuoteAge = f.CreateHistogram(MetricNames.QuoteAge, "Seconds from the exchange timestamp of a book update to its local receipt.",
            ["category"], Buckets(0.001m, 10m));
        EdgeBps = f.CreateGauge(MetricNames.EdgeBps, "Current edge in basis points, by symbol and direction (open, reverse, close).", "symbol", "direction");
        OrdersSent = f.CreateCounter(MetricNames.OrdersSent, "Orders sent, by symbol and leg (spot, perp, hedge).", "symbol", "leg");
        OrdersRejected = f.CreateCounter(MetricNames.OrdersRejected, "Orders rejected by the exchange, by symbol, leg and reason (the exchange's retCode).", "symbol", "leg", "reason");
        OrdersFilled = f.CreateCounter(MetricNames.OrdersFilled, "Orders filled, by symbol and leg.", "symbol", "leg");
        RestRequestDuration = f.CreateHistogram(MetricNames.RestRequestDuration, "REST request duration in seconds, by endpoint.",
            ["endpoint"], Buckets(0.00001m, 10m));
        TickToOrder = f.CreateHistogram(MetricNames.TickToOrder, "Seconds from the book update that triggered an opportunity to the orders being sent.",
            Buckets(0.00001m, 10m));
        LegImbalances = f.CreateCounter(MetricNames.LegImbalances, "Executions that left the spot and perp legs unequal, by symbol.", "symbol");
        HedgeDuration = f.CreateHistogram(MetricNames.HedgeDuration, "Seconds taken to hedge a leg imbalance.", Buckets(0.001m, 30m));
        PositionUsd = f.CreateGauge(MetricNames.PositionUsd, "Signed position value in USD, by symbol and leg (spot, perp).", "symbol", "leg");
        ExposureUsd = f.CreateGauge(MetricNames.ExposureUsd, "Total gross exposure in USD.");
        RealizedPnlUsd = f.CreateGauge(MetricNames.RealizedPnlUsd, "Realized PnL in USD since start, by symbol.", "symbol");
        UnrealizedPnlUsd = f.CreateGauge(MetricNames.UnrealizedPnlUsd, "Unrealized PnL in USD at current prices, by symbol.", "symbol");
        FeesPaidUsd = f.CreateGauge(MetricNames.FeesPaidUsd, "Trading fees paid in USD since start, by symbol.", "symbol");
        FundingUsd = f.CreateGauge(MetricNames.FundingUsd, "Funding received (positive) or paid (negative) in USD since start, by symbol.", "symbol");
        EquityUsd = f.CreateGauge(MetricNames.EquityUsd, "Account equity in USD.");
        TradingState = f.CreateGauge(MetricNames.TradingState, "1 for the current trading state (active, reducing, halted), 0 for the others.", "state");
        TradesToday = f.CreateGauge(MetricNames.TradesToday, "Trades opened today (UTC), by symbol.", "symbol");
        Errors = f.CreateCounter(MetricNames.Errors, "Errors, by kind.", "kind");
        AlertsSent = f.CreateCounter(MetricNames.AlertsSent, "Alerts delivered, by channel.", "channel");
        AlertFailures = f.CreateCounter(MetricNames.AlertFailures, "Alert deliveries that failed, by channel.", "channel");
        StateSaves = f.CreateCounter(MetricNames.StateSaves, "State file saves.");
        StateSaveDuration = f.CreateHistogram(MetricNames.StateSaveDuration, "Seconds taken to save the state file.", Buckets(0.0001m, 1m));
        Up = f.CreateGauge(MetricNames.Up, "1 while the bot process runs.");
        PrivateStreamAuthenticated = f.CreateGauge(MetricNames.PrivateStreamAuthenticated, "1 while the private stream is authenticated, else 0.");

        Up.Set(1);
        foreach (var state in TradingStates)
        {
            TradingState.WithLabels(state).Set(0);
        }
    }

    /// <summary>The registry holding every metric here; what <see cref="MetricsServer"/> exposes.</summary>
    public CollectorRegistry Registry { get; }

    public Counter WsReconnects { get; }

    public Counter RiskViolations { get; }

    public Counter WsMessages { get; }

    public Counter WsMalformedMessages { get; }

    public Counter BookResyncs { get; }

    public Gauge BookStaleness { get; }

    public Gauge BookValid { get; }

    public Histogram QuoteAge { get; }

    public Gauge EdgeBps { get; }

    public Counter OrdersSent { get; }

    public Counter OrdersRejected { get; }

    public Counter OrdersFilled { get; }

    public Histogram RestRequestDuration { get; }

    public Histogram TickToOrder { get; }

    public Counter LegImbalances { get; }

    public Histogram HedgeDuration { get; }

    public Gauge PositionUsd { get; }

    public Gauge ExposureUsd { get; }

    public Gauge RealizedPnlUsd { get; }

    public Gauge UnrealizedPnlUsd { get; }

    public Gauge FeesPaidUsd { get; }

    public Gauge FundingUsd { get; }

    public Gauge EquityUsd { get; }

    /// <summary>Set through <see cref="SetTradingState"/>, which keeps exactly one state at 1.</summary>
    public Gauge TradingState { get; }

    public Gauge TradesToday { get; }

    public Counter Errors { get; }

    public Counter AlertsSent { get; }

    public Counter AlertFailures { get; }

    public Counter StateSaves { get; }

    public Histogram StateSaveDuration { get; }

    public Gauge Up { get; }

    public Gauge PrivateStreamAuthenticated { get; }

    /// <summary>Runs <paramref name="refresh"/> before each collection (scrape): the place to copy snapshot values into gauges.</summary>
    public void AddBeforeCollect(Action refresh) => Registry.AddBeforeCollectCallback(refresh);

    /// <summary>Marks <paramref name="state"/> (<c>active</c>, <c>reducing</c> or <c>halted</c>) as current: 1 for it, 0 for the others.</summary>
    public void SetTradingState(string state)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        if (!TradingStates.Contains(state, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Expected active, reducing or halted.");
        }

        foreach (var each in TradingStates)
        {
            TradingState.WithLabels(each).Set(string.Equals(each, state, StringComparison.Ordinal) ? 1 : 0);
        }
    }

    public void OrderSent(string symbol, string leg) => OrdersSent.WithLabels(symbol, leg).Inc();

    public void OrderRejected(string symbol, string leg, string reason) => OrdersRejected.WithLabels(symbol, leg, reason).Inc();

    public void OrderFilled(string symbol, string leg) => OrdersFilled.WithLabels(symbol, leg).Inc();

    public void WsReconnected(string stream) => WsReconnects.WithLabels(stream).Inc();

    public void RiskViolated(string rule) => RiskViolations.WithLabels(rule).Inc();

    public void Error(string kind) => Errors.WithLabels(kind).Inc();

    /// <summary>Counts a state save and observes how long it took.</summary>
    public void StateSaved(TimeSpan took)
    {
        StateSaves.Inc();
        StateSaveDuration.Observe(took.TotalSeconds);
    }

    /// <summary>1, 2.5 and 5 times each power of ten from <paramref name="from"/> up to <paramref name="to"/> inclusive (computed in decimal so bounds print cleanly).</summary>
    internal static HistogramConfiguration Buckets(decimal from, decimal to)
    {
        var bounds = new List<double>();
        for (var decade = from; decade <= to; decade *= 10)
        {
            foreach (var step in (ReadOnlySpan<decimal>)[1m, 2.5m, 5m])
            {
                var bound = decade * step;
                if (bound <= to)
                {
                    bounds.Add((double)bound);
                }
            }
        }

        if (bounds[^1] < (double)to)
        {
            bounds.Add((double)to);
        }

        return new HistogramConfiguration { Buckets = [.. bounds] };
    }
}
