using Arb.Domain.Market;
using Arb.Simulator.Market;
using Arb.Simulator.Trading;

namespace Arb.UnitTests.Simulator.Trading;

/// <summary>A market with books set by hand so every expectation is an exact decimal.</summary>
internal sealed class TradingFixture
{
    public const long Now = 1_767_225_600_000;

    public TradingFixture()
    {
        Market = new SimMarket([SimInstrument.Btc, SimInstrument.Eth], new SimMarketOptions { Seed = 3 }, Now);
        Btc = Market.Find("BTCUSDT")!;
        Engine = new MatchingEngine(Market);
        Account = NewAccount();
    }

    public SimMarket Market { get; }

    public SimSymbolMarket Btc { get; }

    public MatchingEngine Engine { get; }

    public SimAccount Account { get; }

    public static SimAccount NewAccount(decimal btc = 0m) =>
        new("key", "secret", new Dictionary<string, decimal> { ["USDT"] = 100_000m, ["BTC"] = btc });

    public void SetSpot(IEnumerable<(decimal, decimal)> bids, IEnumerable<(decimal, decimal)> asks) => Btc.Spot.SetLevels(bids, asks);

    public void SetLinear(IEnumerable<(decimal, decimal)> bids, IEnumerable<(decimal, decimal)> asks) => Btc.Linear.SetLevels(bids, asks);

    public OrderResult Submit(OrderRequest request, SimAccount? account = null) => Engine.Submit(account ?? Account, request, Now);

    public static OrderRequest Spot(SimSide side, SimOrderType type, decimal qty, decimal? price = null) =>
        new(MarketCategory.Spot, "BTCUSDT", side, type, qty) { Price = price };

    public static OrderRequest Linear(SimSide side, SimOrderType type, decimal qty, decimal? price = null) =>
        new(MarketCategory.Linear, "BTCUSDT", side, type, qty) { Price = price };
}
