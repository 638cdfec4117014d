using Arb.Domain.Market;
using Arb.Engine.Backtest;
using Arb.Engine.Risk;
using Arb.Engine.Trading;
using Arb.Simulator.Market;
using Arb.Strategy.Edge;
using Arb.Strategy.Sizing;

namespace Arb.Benchmarks;

/// <summary>
/// The backtest as <c>arbbot backtest FILE --no-oracle</c> runs it with the default settings: BTCUSDT and ETHUSDT with
/// their Bybit trading rules, the threshold estimator (entry 20 bps, exit -10 bps, reverse allowed), default sizing,
/// throttle and risk limits (evaluated every 250 ms of data time), equity sampled every second of data time. No
/// journals are written and the hindsight oracle is off.
/// </summary>
internal static class BacktestScenario
{
    public static BacktestOptions Options()
    {
        var setups = new[] { "BTCUSDT", "ETHUSDT" }.Select(symbol =>
        {
            var shape = SimInstrument.For(symbol);
            var spot = new InstrumentSpec(
                symbol, MarketCategory.Spot, InstrumentSpec.TradingStatus, shape.BaseCoin, SimInstrument.QuoteCoin,
                shape.SpotTickSize, shape.SpotBasePrecision, shape.SpotMinOrderQty, shape.SpotMinOrderAmt, shape.SpotMaxMarketOrderQty, null);
            var perp = new InstrumentSpec(
                symbol, MarketCategory.Linear, InstrumentSpec.TradingStatus, shape.BaseCoin, SimInstrument.QuoteCoin,
                shape.LinearTickSize, shape.LinearQtyStep, shape.LinearMinOrderQty, shape.LinearMinNotional, shape.LinearMaxMarketOrderQty, 480);
            return new SymbolSetup(spot, perp, 0.001m, 0.00055m, new ThresholdEdgeEstimator(20m, -10m, allowReverse: true));
        }).ToList();
        return new BacktestOptions
        {
            Setups = setups,
            Engine = new EngineOptions
            {
                Sizing = new SizingLimits(accountEquityUsd: 10_000m, riskPerTrade: 0.01m, maxPositionUsd: 1_000m),
                SlippageToleranceBps = 3m,
                Mode = "backtest",
            },
            Risk = new RiskLimits
            {
                MaxPositionUsd = 1_000m,
                MaxExposureUsd = 3_000m,
                MaxDrawdownUsd = 200m,
                MaxRelativeDrawdownUsd = 150m,
                MaxSymbolDrawdownUsd = 100m,
                MaxSymbolRelDrawdownUsd = 75m,
                DailyDrawdownUsd = 100m,
                MaxConsecutiveLosses = 5,
                MaxProfitUsd = 0m,
                ErrorLimit = 5,
            },
            Oracle = false,
        };
    }

    /// <summary>Reads, parses and replays the whole file; returns the report (trades, rows) for checks.</summary>
    public static BacktestReport Run(string path)
    {
        var reader = new QuoteCsvReader();
        return new BacktestRun(Options()).Run(reader.Read(path));
    }
}
