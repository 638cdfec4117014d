using Arb.Domain.Market;
using Arb.Engine.Trading;
using Arb.Observability.Metrics;

namespace Arb.Cli.Trading;

/// <summary>The engine's live reports (<see cref="IEngineMetrics"/>) written into the Prometheus registry.</summary>
internal sealed class EngineMetricsAdapter(BotMetrics metrics) : IEngineMetrics
{
    public void QuoteAge(MarketCategory category, double seconds) => metrics.QuoteAge.WithLabels(category.ToWireName()).Observe(seconds);

    public void TickToOrder(double seconds) => metrics.TickToOrder.Observe(seconds);

    public void OrderSent(string symbol, string leg) => metrics.OrderSent(symbol, leg);

    public void OrderRejected(string symbol, string leg, string reason) => metrics.OrderRejected(symbol, leg, reason);

    public void OrderFilled(string symbol, string leg) => metrics.OrderFilled(symbol, leg);

    public void LegImbalance(string symbol, double hedgeSeconds)
    {
        metrics.LegImbalances.WithLabels(symbol).Inc();
        metrics.HedgeDuration.Observe(hedgeSeconds);
    }

    public void Error(string kind) => metrics.Error(kind);
}
