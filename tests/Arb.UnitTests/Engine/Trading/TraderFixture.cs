using Arb.Domain.Books;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;
using Arb.Engine.Trading;
using Arb.Strategy.Sizing;

namespace Arb.UnitTests.Engine.Trading;

/// <summary>An estimator whose answer the test decides, and that remembers every feature set it was shown.</summary>
internal sealed class ScriptedEstimator(Func<EdgeFeatures, EdgeDecision> decide) : IEdgeEstimator
{
    private readonly List<EdgeFeatures> _seen = [];

    public Func<EdgeFeatures, EdgeDecision> Decision { get; set; } = decide;

    public IReadOnlyList<EdgeFeatures> Seen => _seen;

    public static ScriptedEstimator Always(EdgeAction action) => new(_ => new EdgeDecision(action));

    public EdgeDecision Decide(in EdgeFeatures features)
    {
        _seen.Add(features);
        return Decision(features);
    }
}

/// <summary>BTCUSDT with spot step 0.001 (min 1 USDT) and perp step 0.01 (min 5 USDT), real order books, a fixed clock.</summary>
internal static class TraderFixture
{
    public const string Symbol = "BTCUSDT";

    public const decimal SpotFee = 0.001m;

    public const decimal PerpFee = 0.00055m;

    public static readonly long Now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static InstrumentSpec SpotSpec { get; } =
        new(Symbol, MarketCategory.Spot, InstrumentSpec.TradingStatus, "BTC", "USDT", 0.01m, 0.001m, 0.001m, 1m, null, null);

    public static InstrumentSpec PerpSpec { get; } =
        new(Symbol, MarketCategory.Linear, InstrumentSpec.TradingStatus, "BTC", "USDT", 0.1m, 0.01m, 0.01m, 5m, 1_000m, 480);

    /// <summary>Spot asks 100 × 3, 100.1 × 10; bids 99.9 × 5, 99.8 × 10.</summary>
    public static (decimal Price, decimal Size)[] SpotBids { get; } = [(99.9m, 5m), (99.8m, 10m)];

    public static (decimal Price, decimal Size)[] SpotAsks { get; } = [(100m, 3m), (100.1m, 10m)];

    /// <summary>The perp about 1 % above spot: bids 101 × 4, 100.9 × 10; asks 101.1 × 5, 101.2 × 10.</summary>
    public static (decimal Price, decimal Size)[] PerpBids { get; } = [(101m, 4m), (100.9m, 10m)];

    public static (decimal Price, decimal Size)[] PerpAsks { get; } = [(101.1m, 5m), (101.2m, 10m)];

    public static SymbolSetup Setup(IEdgeEstimator estimator, decimal spotCoin = 0m) =>
        new(SpotSpec, PerpSpec, SpotFee, PerpFee, estimator, spotCoin);

    /// <summary>ACCOUNT_EQUITY_USD 10000, RISK_PER_TRADE 1 %, MAX_POSITION_USD 1000; no cooldown; the window ready after two samples.</summary>
    public static EngineOptions Options(
        decimal maxPositionUsd = 1_000m, decimal riskPerTrade = 0.01m, int parallel = 4, double cooldownSec = 0, int maxDaily = 200, int window = 4) =>
        new()
        {
            Sizing = new SizingLimits(10_000m, riskPerTrade, maxPositionUsd),
            ParallelTasks = parallel,
            TradeCooldown = TimeSpan.FromSeconds(cooldownSec),
            MaxDailyTrades = maxDaily,
            BasisVolWindow = window,
        };

    public static SymbolTrader Trader(IEdgeEstimator estimator, EngineOptions? options = null, decimal spotCoin = 0m, ClientOrderIds? ids = null) =>
        new(Setup(estimator, spotCoin), options ?? Options(), ids ?? new ClientOrderIds(DateTimeOffset.FromUnixTimeMilliseconds(Now)));

    public static OrderBook Book(MarketCategory category, (decimal Price, decimal Size)[] bids, (decimal Price, decimal Size)[] asks, long updateId = 1)
    {
        var book = new OrderBook(Symbol, category, 50);
        var result = book.ApplySnapshot(
            bids.Select(l => new PriceLevel(l.Price, l.Size)).ToArray(),
            asks.Select(l => new PriceLevel(l.Price, l.Size)).ToArray(),
            updateId,
            updateId,
            Now);
        Assert.Equal(BookUpdateResult.Applied, result);
        return book;
    }

    public static OrderBook Spot() => Book(MarketCategory.Spot, SpotBids, SpotAsks);

    public static OrderBook Perp() => Book(MarketCategory.Linear, PerpBids, PerpAsks);

    /// <summary>
    /// Shows both books until the volatility window is ready (two samples with the default window of 4), checking
    /// nothing is decided before, and returns what the update that completes the warm-up decided.
    /// </summary>
    public static PairPlan? Warm(SymbolTrader trader, OrderBook spot, OrderBook perp, long nowMs, int samples = 2)
    {
        Assert.Null(trader.OnBookUpdated(spot, nowMs)); // no perp book yet: no sample
        for (var i = 1; i < samples; i++)
        {
            Assert.Null(trader.OnBookUpdated(i % 2 == 1 ? perp : spot, nowMs));
        }

        return trader.OnBookUpdated(samples % 2 == 1 ? perp : spot, nowMs);
    }

    public static Fill Fill(MarketCategory category, TradeSide side, decimal quantity, decimal price, decimal fee, string feeCoin, string exec) =>
        new(Symbol, category, side, quantity, price, fee, feeCoin, "link-" + exec, exec, Now);
}
