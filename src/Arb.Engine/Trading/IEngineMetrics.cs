using Arb.Domain.Market;

namespace Arb.Engine.Trading;

/// <summary>
/// What the engine reports as it happens, for the metrics exporter (the rest is read from snapshots at scrape
/// time). Implementations must be cheap and never throw; <see cref="None"/> does nothing.
/// </summary>
public interface IEngineMetrics
{
    static IEngineMetrics None { get; } = new NoMetrics();

    /// <summary>A valid book update arrived this long after the exchange stamped it.</summary>
    void QuoteAge(MarketCategory category, double seconds);

    /// <summary>From a book update reaching the engine to both legs handed to the venue.</summary>
    void TickToOrder(double seconds);

    /// <param name="leg">spot, perp or hedge.</param>
    void OrderSent(string symbol, string leg);

    /// <param name="reason">A short, bounded label: the exchange's retCode, or "unknown".</param>
    void OrderRejected(string symbol, string leg, string reason);

    void OrderFilled(string symbol, string leg);

    /// <summary>A two-leg execution filled unequally and was hedged in this long.</summary>
    void LegImbalance(string symbol, double hedgeSeconds);

    /// <summary>An error counted against ERROR_LIMIT, by kind.</summary>
    void Error(string kind);

    private sealed class NoMetrics : IEngineMetrics
    {
        public void QuoteAge(MarketCategory category, double seconds)
        {
        }

        public void TickToOrder(double seconds)
        {
        }

        public void OrderSent(string symbol, string leg)
        {
        }

        public void OrderRejected(string symbol, string leg, string reason)
        {
        }

        public void OrderFilled(string symbol, string leg)
        {
        }

        public void LegImbalance(string symbol, double hedgeSeconds)
        {
        }

        public void Error(string kind)
        {
        }
    }
}
