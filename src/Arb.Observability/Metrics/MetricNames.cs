namespace Arb.Observability.Metrics;

/// <summary>
/// The metric family names: the contract between <see cref="BotMetrics"/>, the deploy files and the dashboard.
/// Histograms are listed by their family name (the exposition adds <c>_bucket</c>, <c>_sum</c> and <c>_count</c>).
/// </summary>
public static class MetricNames
{
    public const string WsReconnects = "ws_reconnect_total";
    public const string RiskViolations = "risk_violation_total";
    public const string WsMessages = "arbbot_ws_messages_total";
    public const string WsMalformedMessages = "arbbot_ws_malformed_messages_total";
    public const string BookResyncs = "arbbot_book_resyncs_total";
    public const string BookStaleness = "arbbot_book_staleness_seconds";
    public const string BookValid = "arbbot_book_valid";
    public const string QuoteAge = "arbbot_quote_age_seconds";
    public const string EdgeBps = "arbbot_edge_bps";
    public const string OrdersSent = "arbbot_orders_sent_total";
    public const string OrdersRejected = "arbbot_orders_rejected_total";
    public const string OrdersFilled = "arbbot_orders_filled_total";
    public const string RestRequestDuration = "arbbot_rest_request_duration_seconds";
    public const string TickToOrder = "arbbot_tick_to_order_seconds";
    public const string LegImbalances = "arbbot_leg_imbalances_total";
    public const string HedgeDuration = "arbbot_hedge_duration_seconds";
    public const string PositionUsd = "arbbot_position_usd";
    public const string ExposureUsd = "arbbot_exposure_usd";
    public const string RealizedPnlUsd = "arbbot_realized_pnl_usd";
    public const string UnrealizedPnlUsd = "arbbot_unrealized_pnl_usd";
    public const string FeesPaidUsd = "arbbot_fees_paid_usd";
    public const string FundingUsd = "arbbot_funding_usd";
    public const string EquityUsd = "arbbot_equity_usd";
    public const string TradingState = "arbbot_trading_state";
    public const string TradesToday = "arbbot_trades_today";
    public const string Errors = "arbbot_errors_total";
    public const string AlertsSent = "arbbot_alerts_sent_total";
    public const string AlertFailures = "arbbot_alert_failures_total";
    public const string StateSaves = "arbbot_state_saves_total";
    public const string StateSaveDuration = "arbbot_state_save_duration_seconds";
    public const string Up = "arbbot_up";
    public const string PrivateStreamAuthenticated = "arbbot_private_stream_authenticated";

    /// <summary>Every family name, in the order of the contract list.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        WsReconnects, RiskViolations, WsMessages, WsMalformedMessages, BookResyncs, BookStaleness, BookValid,
        QuoteAge, EdgeBps, OrdersSent, OrdersRejected, OrdersFilled, RestRequestDuration, TickToOrder,
        LegImbalances, HedgeDuration, PositionUsd, ExposureUsd, RealizedPnlUsd, UnrealizedPnlUsd, FeesPaidUsd,
        FundingUsd, EquityUsd, TradingState, TradesToday, Errors, AlertsSent, AlertFailures, StateSaves,
        StateSaveDuration, Up, PrivateStreamAuthenticated,
    ];
}
