using Arb.Engine.Backtest;
using Arb.Engine.Execution;

namespace Arb.UnitTests.BacktestReporting;

/// <summary>Hand-built backtest reports: two symbols, a few hundred samples, a few decisions; and an empty one.</summary>
internal static class ReportSamples
{
    public const long StartMs = 1_748_779_200_000; // 2025-06-01 12:00:00 UTC

    public static BacktestReport Full()
    {
        var equity = new List<EquityPoint>();
        var basis = new List<BasisPoint>();
        var peak = 0m;
        for (var i = 0; i < 300; i++)
        {
            var time = StartMs + (i * 60_000L);
            // A rising line with a dip, so the drawdown chart has something to show.
            var value = 10_000m + (i * 0.05m) - (i is > 100 and < 150 ? (i - 100) * 0.2m : 0m);
            peak = Math.Max(peak, value);
            equity.Add(new(time, value, peak - value));
            basis.Add(new(time, "BTCUSDT", 5 + (10 * Math.Sin(i / 20.0))));
            basis.Add(new(time, "ETHUSDT", -3 + (8 * Math.Cos(i / 15.0))));
        }

        var decisions = new List<DecisionMark>
        {
            new(StartMs + (10 * 60_000L), "BTCUSDT", PairKind.Open, 0.01m, 6.5m, 12.3),
            new(StartMs + (60 * 60_000L), "BTCUSDT", PairKind.Close, 0.01m, 1.2m, 1.1),
            new(StartMs + (80 * 60_000L), "ETHUSDT", PairKind.OpenReverse, 0.5m, 4.0m, -10.4),
            new(StartMs + (200 * 60_000L), "ETHUSDT", PairKind.Close, 0.5m, 0.8m, -1.0),
        };

        return new BacktestReport(
            new InputSummary(
                ["quotes/2025-06-01.csv.gz"],
                RowsRead: 1_200,
                RowsByMarket: new Dictionary<string, long>
                {
                    ["BTCUSDT linear"] = 300, ["BTCUSDT spot"] = 300, ["ETHUSDT linear"] = 290, ["ETHUSDT spot"] = 295,
                },
                RowsOtherSymbols: 12,
                RowsOutsideWindow: 3,
                BadRowsSkipped: new Dictionary<string, long> { ["BidAboveAsk"] = 2, ["NotANumber"] = 1 },
                FirstTimeMs: StartMs,
                LastTimeMs: StartMs + (299 * 60_000L)),
            new Dictionary<string, string> { ["ENTRY_BPS"] = "6", ["PERP_TAKER_FEE"] = "0.00055", ["SYMBOLS"] = "BTCUSDT,ETHUSDT" },
            Figures(null, net: 12.34m, sharpe: 2.346, winRate: 0.5m),
            [Figures("BTCUSDT", net: 9.87m, sharpe: 3.1, winRate: 1m), Figures("ETHUSDT", net: 2.47m, sharpe: null, winRate: null)],
            new OracleFigures(49.36m, 7, new Dictionary<string, decimal> { ["BTCUSDT"] = 30m, ["ETHUSDT"] = 19.36m }, new Dictionary<string, decimal> { ["BTCUSDT"] = 0.02m, ["ETHUSDT"] = 1m }),
            RiskStop: "daily loss limit reached: -100 USDT",
            EquitySampleMs: 60_000,
            equity,
            basis,
            decisions);
    }

    /// <summary>A run over no data: no samples, no decisions, no oracle.</summary>
    public static BacktestReport Empty() => new(
        new InputSummary([], 0, new Dictionary<string, long>(), 0, 0, new Dictionary<string, long>(), null, null),
        new Dictionary<string, string>(),
        Figures(null, net: 0m, sharpe: null, winRate: null),
        [],
        Oracle: null,
        RiskStop: null,
        EquitySampleMs: 1_000,
        [],
        [],
        []);

    private static PnlFigures Figures(string? symbol, decimal net, double? sharpe, decimal? winRate) => new(
        symbol,
        Trades: 4,
        Opens: 2,
        Closes: 2,
        RoundTrips: 2,
        Fills: 8,
        VolumeUsd: 123_456.789m,
        GrossPnlUsd: net + 5.005m,
        FeesUsd: 5.5m,
        FundingUsd: 0.495m,
        NetPnlUsd: net,
        UnrealizedUsd: 0m,
        MaxDrawdownUsd: 7.891m,
        sharpe,
        winRate,
        TimeInMarket: 0.4567,
        LegImbalances: 0);
}
