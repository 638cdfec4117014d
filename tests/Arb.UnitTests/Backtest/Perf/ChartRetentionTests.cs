using Arb.Domain.Market;
using Arb.Engine.Backtest;
using Arb.Engine.Trading;
using Arb.Strategy.Edge;
using Arb.Strategy.Sizing;

namespace Arb.UnitTests.Backtest.Perf;

/// <summary>
/// The charts' points are bounded whatever the data's time span (progressive decimation), while a run under the cap
/// keeps every sample, and the first and last samples are always kept.
/// </summary>
public sealed class ChartRetentionTests
{
    private const long StartMs = 1_723_161_254_000;

    [Fact]
    public void Under_the_cap_every_sample_is_kept()
    {
        var report = new BacktestRun(Options(maxChartPoints: 4_000)).Run(Rows(seconds: 300), ct: TestContext.Current.CancellationToken);

        // One point a second (the first row's to the last row's), plus the final sample at the last row's time.
        Assert.Equal(302, report.Equity.Count);
        Assert.Equal(301, report.Equity.Select(p => p.TimeMs).Distinct().Count());
        Assert.Equal(StartMs, report.Equity[0].TimeMs);
        Assert.Equal(StartMs + 300_000, report.Equity[^1].TimeMs);
    }

    [Fact]
    public void Over_the_cap_points_stay_bounded_and_keep_both_ends()
    {
        var report = new BacktestRun(Options(maxChartPoints: 10)).Run(Rows(seconds: 5_000), ct: TestContext.Current.CancellationToken);

        Assert.InRange(report.Equity.Count, 2, 11);
        Assert.InRange(report.Basis.Count, 2, 20);
        Assert.Equal(StartMs, report.Equity[0].TimeMs);
        Assert.Equal(StartMs + 5_000_000, report.Equity[^1].TimeMs);
        Assert.Equal(5_001 * 2, report.Input.RowsRead);
    }

    private static IEnumerable<QuoteRow> Rows(int seconds)
    {
        long line = 1;
        for (var s = 0; s <= seconds; s++)
        {
            var time = StartMs + (s * 1_000L);
            var bid = 100m + ((s % 7) * 0.01m);
            yield return new QuoteRow("ABCUSDT", MarketCategory.Spot, bid, bid + 0.01m, 5m, 5m, time, null, null, line++);
            yield return new QuoteRow("ABCUSDT", MarketCategory.Linear, bid + 0.02m, bid + 0.03m, 5m, 5m, time, null, null, line++);
        }
    }

    private static BacktestOptions Options(int maxChartPoints)
    {
        var spot = new InstrumentSpec("ABCUSDT", MarketCategory.Spot, InstrumentSpec.TradingStatus, "ABC", "USDT", 0.01m, 0.01m, 0.01m, 1m, null, null);
        var perp = new InstrumentSpec("ABCUSDT", MarketCategory.Linear, InstrumentSpec.TradingStatus, "ABC", "USDT", 0.01m, 0.01m, 0.01m, 1m, null, 480);
        return new BacktestOptions
        {
            Setups = [new SymbolSetup(spot, perp, 0.001m, 0.0005m, new ThresholdEdgeEstimator(50m, -50m, allowReverse: false))],
            Engine = new EngineOptions { Sizing = new SizingLimits(10_000m, 0.01m, 1_000m) },
            MaxChartPoints = maxChartPoints,
        };
    }
}
