using Arb.Bybit.Streams;
using Arb.Domain.Market;
using Arb.Engine.Risk;
using Arb.Engine.Trading;
using Arb.Observability.Alerts;
using Arb.Observability.Metrics;

namespace Arb.Cli.Trading;

/// <summary>
/// At each scrape, the registry's counters and gauges are brought up to date from what the components already
/// count and hold (stream stats, risk counts, the engine's status, alert counters), so nothing on the hot path
/// pays for metrics it does not need to observe as it happens.
/// </summary>
internal sealed class MetricsRefresh(BotMetrics metrics, TradingRunner runner, TradingEngine engine, RiskManager risk, AlertDispatcher alerts, TimeProvider time)
{
    public void Refresh()
    {
        if (runner.Pipeline is { } pipeline)
        {
            Stream("spot", pipeline.Spot.Stats);
            Stream("linear", pipeline.Linear.Stats);
            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var trader in engine.Traders)
            {
                foreach (var category in new[] { MarketCategory.Spot, MarketCategory.Linear })
                {
                    var book = pipeline.Processor.FindBook(category, trader.Symbol);
                    var labels = new[] { trader.Symbol, category.ToWireName() };
                    metrics.BookValid.WithLabels(labels).Set(book?.IsValid == true ? 1 : 0);
                    if (book is { TimestampMs: > 0 })
                    {
                        metrics.BookStaleness.WithLabels(labels).Set(Math.Max(0, nowMs - book.TimestampMs) / 1_000.0);
                    }
                }
            }
        }

        if (runner.PrivateStream is { } privateStream)
        {
            metrics.WsReconnects.WithLabels("private").IncTo(privateStream.Stats.Reconnects);
            metrics.WsMessages.WithLabels("private").IncTo(privateStream.Stats.Messages);
            metrics.WsMalformedMessages.WithLabels("private").IncTo(privateStream.Stats.MalformedMessages);
            metrics.PrivateStreamAuthenticated.Set(privateStream.IsAuthenticated ? 1 : 0);
        }

        foreach (var (rule, count) in risk.ViolationCounts())
        {
            metrics.RiskViolations.WithLabels(rule).IncTo(count);
        }

        metrics.SetTradingState(risk.State.ToString().ToLowerInvariant());
        var status = engine.Status();
        var exposure = 0m;
        foreach (var symbol in status.Symbols)
        {
            Edge(symbol.Symbol, "open", symbol.OpenEdgeBps);
            Edge(symbol.Symbol, "reverse", symbol.ReverseEdgeBps);
            Edge(symbol.Symbol, "close", symbol.CloseEdgeBps);
            var spotUsd = Math.Abs(symbol.SpotQuantity * symbol.SpotEntryPrice);
            var perpUsd = Math.Abs(symbol.PerpQuantity * symbol.PerpEntryPrice);
            exposure += perpUsd;
            metrics.PositionUsd.WithLabels(symbol.Symbol, "spot").Set((double)spotUsd);
            metrics.PositionUsd.WithLabels(symbol.Symbol, "perp").Set((double)perpUsd);
            metrics.RealizedPnlUsd.WithLabels(symbol.Symbol).Set((double)symbol.RealizedUsd);
            metrics.UnrealizedPnlUsd.WithLabels(symbol.Symbol).Set((double)symbol.UnrealizedUsd);
            metrics.FeesPaidUsd.WithLabels(symbol.Symbol).Set((double)symbol.FeesUsd);
            metrics.FundingUsd.WithLabels(symbol.Symbol).Set((double)symbol.FundingUsd);
            metrics.TradesToday.WithLabels(symbol.Symbol).Set(symbol.TradesToday);
            metrics.LegImbalances.WithLabels(symbol.Symbol).IncTo(symbol.LegImbalances);
        }

        metrics.ExposureUsd.Set((double)exposure);
        metrics.EquityUsd.Set((double)status.EquityUsd);
        foreach (var channel in alerts.Channels)
        {
            metrics.AlertsSent.WithLabels(channel.Channel).IncTo(channel.Sent);
            metrics.AlertFailures.WithLabels(channel.Channel).IncTo(channel.Failed);
        }
    }

    /// <summary>Readiness for orchestrators: every book valid, the private stream authenticated (not used in paper), trading Active.</summary>
    public ReadinessReport Readiness()
    {
        var checks = new List<ReadinessCheck>();
        var books = engine.Traders.SelectMany(t => new[] { MarketCategory.Spot, MarketCategory.Linear }.Select(c => (t.Symbol, Category: c)))
            .Select(b => (b.Symbol, b.Category, Valid: runner.Pipeline?.Processor.FindBook(b.Category, b.Symbol)?.IsValid == true))
            .ToList();
        var stale = books.Where(b => !b.Valid).Select(b => $"{b.Symbol} {b.Category.ToWireName()}").ToList();
        checks.Add(new ReadinessCheck("books", stale.Count == 0, stale.Count == 0 ? $"{books.Count} valid" : "not valid: " + string.Join(", ", stale)));
        checks.Add(runner.PrivateStream is { } privateStream
            ? new ReadinessCheck("private_stream", privateStream.IsAuthenticated, privateStream.IsAuthenticated ? "authenticated" : "not authenticated")
            : new ReadinessCheck("private_stream", true, "not used (paper)"));
        checks.Add(new ReadinessCheck("trading_state", risk.State == TradingState.Active, risk.State.ToString().ToLowerInvariant()));
        return new ReadinessReport(checks);
    }

    private void Stream(string name, PublicStreamStats stats)
    {
        metrics.WsReconnects.WithLabels(name).IncTo(stats.Reconnects);
        metrics.WsMessages.WithLabels(name).IncTo(stats.Messages);
        metrics.WsMalformedMessages.WithLabels(name).IncTo(stats.MalformedMessages);
        metrics.BookResyncs.WithLabels(name).IncTo(stats.Resyncs);
    }

    private void Edge(string symbol, string direction, decimal? bps) =>
        metrics.EdgeBps.WithLabels(symbol, direction).Set(bps is { } value ? (double)value : double.NaN);
}
