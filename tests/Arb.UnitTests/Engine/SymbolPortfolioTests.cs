using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Portfolio;
using Arb.Simulator.Market;
using Arb.Simulator.Trading;
using Arb.UnitTests.Simulator.Trading;

namespace Arb.UnitTests.Engine;

public sealed class SymbolPortfolioTests
{
    private static Fill F(MarketCategory category, TradeSide side, decimal qty, decimal price, decimal fee, string feeCoin) =>
        new("BTCUSDT", category, side, qty, price, fee, feeCoin, "link", "exec", 0);

    [Fact]
    public void A_leg_closes_its_oldest_lots_first_realises_exactly_and_reopens_through_zero()
    {
        var leg = new PositionLeg();

        leg.Apply(-1m, 100m);
        leg.Apply(-1m, 110m);       // short 2 @ 105
        Assert.Equal((-2m, 105m), (leg.Quantity, leg.EntryPrice));

        leg.Apply(0.5m, 95m);       // cover 0.5 of the oldest lot: (95 − 100) × 0.5 × −1 = +2.5
        Assert.Equal((-1.5m, 106.6666666667m, 2.5m), (leg.Quantity, Math.Round(leg.EntryPrice, 10), leg.Realized));

        leg.Apply(2.5m, 100m);      // cover 0.5 @ 100 (0) and 1 @ 110 (+10), then long 1 @ 100
        Assert.Equal((1m, 100m, 12.5m), (leg.Quantity, leg.EntryPrice, leg.Realized));
        Assert.Equal(3m, leg.Unrealized(103m));

        leg.Apply(-1m, 101m);
        Assert.Equal((0m, 0m, 13.5m), (leg.Quantity, leg.EntryPrice, leg.Realized));
    }

    [Fact]
    public void Spot_buy_fees_in_the_base_coin_reduce_the_position_and_count_at_the_fill_price()
    {
        var p = new SymbolPortfolio("BTCUSDT", "BTC");

        p.Apply(F(MarketCategory.Spot, TradeSide.Buy, 1m, 60_000m, 0.001m, "BTC"));          // receive 0.999 BTC
        p.Apply(F(MarketCategory.Linear, TradeSide.Sell, 0.999m, 60_300m, 33.132945m, "USDT"));
        p.ApplyFunding(6.0237m);

        Assert.Equal((0.999m, 60_000m), (p.Spot.Quantity, p.Spot.EntryPrice));
        Assert.Equal((-0.999m, 60_300m), (p.Perp.Quantity, p.Perp.EntryPrice));
        Assert.Equal(60m + 33.132945m, p.FeesUsd);
        Assert.Equal(0m, p.Realized);
        // Basis converges: both at 60,100.
        Assert.Equal((0.999m * 100m) + (0.999m * 200m), p.Unrealized(60_100m, 60_100m));
        Assert.Equal(6.0237m - 93.132945m, p.NetRealized);
    }

    [Fact]
    public void A_full_round_trip_through_the_simulators_engine_nets_to_its_wallet_change_exactly()
    {
        var f = new TradingFixture();
        f.SetSpot([(64_990m, 2m), (64_980m, 2m)], [(65_000m, 0.3m), (65_010m, 2m)]);
        f.SetLinear([(65_200.0m, 0.2m), (65_190.0m, 2m)], [(65_210.0m, 2m)]);
        var startUsdt = f.Account.Coin("USDT").WalletBalance;
        var portfolio = new SymbolPortfolio("BTCUSDT", "BTC");
        void Run(OrderRequest request)
        {
            var result = f.Submit(request);
            Assert.Equal(0, result.RetCode);
            foreach (var x in result.Executions)
            {
                portfolio.Apply(new Fill(x.Symbol, x.Category, x.Side == SimSide.Buy ? TradeSide.Buy : TradeSide.Sell,
                    x.ExecQty, x.ExecPrice, x.ExecFee, x.FeeCurrency, x.OrderLinkId, x.ExecId, x.ExecTimeMs));
            }
        }

        // Open: buy 0.5 BTC spot (walks two asks), sell what arrived on the perp (walks two bids).
        Run(TradingFixture.Spot(SimSide.Buy, SimOrderType.Market, 0.5m) with { MarketUnit = SimMarketUnit.BaseCoin });
        var received = f.Account.Coin("BTC").WalletBalance;
        Assert.Equal(received, portfolio.Spot.Quantity);
        Run(TradingFixture.Linear(SimSide.Sell, SimOrderType.Market, Math.Floor(received * 1000m) / 1000m));

        // Funding settles on the short, then the basis closes and both legs unwind.
        var funding = f.Engine.SettleFunding(new FundingSettlement("BTCUSDT", 0.0001m, TradingFixture.Now + 1), f.Btc, [f.Account]);
        portfolio.ApplyFunding(-Assert.Single(funding).ExecFee); // execFee positive = paid
        f.SetSpot([(65_100m, 5m)], [(65_110m, 5m)]);
        f.SetLinear([(65_110.0m, 5m)], [(65_120.0m, 5m)]);
        Run(TradingFixture.Linear(SimSide.Buy, SimOrderType.Market, -portfolio.Perp.Quantity));
        Run(TradingFixture.Spot(SimSide.Sell, SimOrderType.Market, portfolio.Spot.Quantity));

        Assert.Equal(0m, portfolio.Spot.Quantity);
        Assert.Equal(0m, portfolio.Perp.Quantity);
        Assert.Equal(0m, f.Account.Coin("BTC").WalletBalance);
        Assert.Equal(f.Account.Coin("USDT").WalletBalance - startUsdt, portfolio.NetRealized);
    }
}
