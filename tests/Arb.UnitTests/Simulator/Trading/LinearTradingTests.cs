using Arb.Simulator;
using Arb.Domain.Market;
using Arb.Simulator.Market;
using Arb.Simulator.Trading;
using static Arb.UnitTests.Simulator.Trading.TradingFixture;

namespace Arb.UnitTests.Simulator.Trading;

public sealed class LinearTradingTests
{
    [Fact]
    public void Open_increase_reduce_and_flip_realise_pnl_and_pay_taker_fees()
    {
        var f = new TradingFixture();
        var position = f.Account.Position("BTCUSDT");

        f.SetLinear([(49_000m, 1m)], [(50_000m, 1m)]);
        f.Submit(Linear(SimSide.Buy, SimOrderType.Market, 0.1m));               // fee 5000 × 0.00055 = 2.75
        Assert.Equal((0.1m, 50_000m), (position.Size, position.EntryPrice));

        f.SetLinear([(49_000m, 1m)], [(51_000m, 1m)]);
        f.Submit(Linear(SimSide.Buy, SimOrderType.Market, 0.1m));               // fee 2.805; entry averages
        Assert.Equal((0.2m, 50_500m), (position.Size, position.EntryPrice));

        f.SetLinear([(52_000m, 1m)], [(53_000m, 1m)]);
        var reduce = f.Submit(Linear(SimSide.Sell, SimOrderType.Market, 0.05m)); // +75, fee 1.43
        Assert.Equal(75m, reduce.Executions[0].ExecPnl);
        Assert.Equal(0.05m, reduce.Executions[0].ClosedSize);
        Assert.Equal((0.15m, 50_500m), (position.Size, position.EntryPrice));
        Assert.Equal(100_068.015m, f.Account.Coin("USDT").WalletBalance);

        f.SetLinear([(49_000m, 1m)], [(53_000m, 1m)]);
        var flip = f.Submit(Linear(SimSide.Sell, SimOrderType.Market, 0.25m));  // −225 on 0.15, fee 6.7375
        Assert.Equal(-225m, flip.Order!.ClosedPnl);
        Assert.Equal(6.7375m, flip.Order.CumExecFee);
        Assert.Equal((-0.1m, 49_000m), (position.Size, position.EntryPrice));
        Assert.Equal(99_836.2775m, f.Account.Coin("USDT").WalletBalance);
        Assert.Equal(-163.7225m, position.CumRealisedPnl);
        Assert.Equal(0.00055m, flip.Executions[0].FeeRate);
    }

    [Fact]
    public void Unrealised_pnl_follows_the_mark()
    {
        var f = new TradingFixture();
        f.SetLinear([(49_000m, 1m)], [(50_000m, 1m)]);
        f.Submit(Linear(SimSide.Sell, SimOrderType.Market, 0.1m));
        f.Btc.SetMarkPrice(48_000m);

        var snapshot = MatchingEngine.PositionSnapshot(f.Account.Position("BTCUSDT"), f.Btc);

        Assert.Equal(("Sell", 0.1m, 49_000m), (snapshot.Side, snapshot.Size, snapshot.EntryPrice));
        Assert.Equal(100m, snapshot.UnrealisedPnl);
        Assert.Equal(490m, snapshot.PositionIM);
        Assert.Equal(100m, f.Engine.UnrealisedPnl(f.Account));
        Assert.Equal(100_000m - 2.695m + 100m, f.Engine.CoinSnapshot(f.Account, "USDT").Equity);
    }

    [Fact]
    public void Ioc_partial_ends_cancelled_with_its_fills()
    {
        var f = new TradingFixture();
        f.SetLinear([(49_000m, 1m)], [(50_000m, 0.1m), (50_000.1m, 0.2m), (50_000.2m, 1m)]);

        var result = f.Submit(Linear(SimSide.Buy, SimOrderType.Limit, 0.5m, 50_000.1m) with { TimeInForce = SimTimeInForce.Ioc });

        Assert.Equal(SimOrderStatus.Cancelled, result.Order!.Status);
        Assert.Equal(0.3m, result.Order.CumExecQty);
        Assert.Equal(0.3m, f.Account.Position("BTCUSDT").Size);
    }

    [Fact]
    public void Fok_fills_entirely_or_not_at_all()
    {
        var f = new TradingFixture();
        f.SetLinear([(49_000m, 1m)], [(50_000m, 0.1m), (50_000.1m, 0.2m), (50_000.2m, 1m)]);

        var tooBig = f.Submit(Linear(SimSide.Buy, SimOrderType.Limit, 0.5m, 50_000.1m) with { TimeInForce = SimTimeInForce.Fok });
        Assert.Equal(SimOrderStatus.Cancelled, tooBig.Order!.Status);
        Assert.Empty(tooBig.Executions);
        Assert.Equal(0m, f.Account.Position("BTCUSDT").Size);
        Assert.Equal(100_000m, f.Account.Coin("USDT").WalletBalance);
        Assert.Equal(0.1m, f.Btc.Linear.Asks[0].Size);

        var fits = f.Submit(Linear(SimSide.Buy, SimOrderType.Limit, 0.3m, 50_000.1m) with { TimeInForce = SimTimeInForce.Fok });
        Assert.Equal(SimOrderStatus.Filled, fits.Order!.Status);
        Assert.Equal(2, fits.Executions.Count);
    }

    [Fact]
    public void Gtc_locks_order_margin_and_fills_as_maker_at_its_price()
    {
        var f = new TradingFixture();
        f.SetLinear([(49_000m, 1m)], [(50_000m, 1m)]);

        var placed = f.Submit(Linear(SimSide.Buy, SimOrderType.Limit, 0.1m, 49_500m));
        Assert.Equal(SimOrderStatus.New, placed.Order!.Status);
        Assert.Equal(495m, f.Account.Coin("USDT").Locked);

        f.SetLinear([(49_000m, 1m)], [(49_400m, 1m)]);
        var fill = Assert.Single(f.Engine.OnMarketStep(Now + 50));

        Assert.Equal((49_500m, true, 0.0002m, 0.99m), (fill.ExecPrice, fill.IsMaker, fill.FeeRate, fill.ExecFee));
        Assert.Equal(0m, f.Account.Coin("USDT").Locked);
        Assert.Equal(100_000m - 0.99m, f.Account.Coin("USDT").WalletBalance);
        Assert.Equal(SimOrderStatus.Filled, f.Account.Orders[placed.Order.OrderId].Status);
    }

    [Fact]
    public void Funding_is_paid_by_the_long_and_received_by_the_short()
    {
        var f = new TradingFixture();
        var shortAccount = NewAccount();
        f.SetLinear([(50_000m, 1m)], [(50_000m, 1m)]);
        f.Submit(Linear(SimSide.Buy, SimOrderType.Market, 0.1m));
        f.Submit(Linear(SimSide.Sell, SimOrderType.Market, 0.1m), shortAccount);
        f.Btc.SetMarkPrice(50_100m);
        var longBefore = f.Account.Coin("USDT").WalletBalance;
        var shortBefore = shortAccount.Coin("USDT").WalletBalance;

        var executions = f.Engine.SettleFunding(new FundingSettlement("BTCUSDT", 0.0001m, Now + 1), f.Btc, [f.Account, shortAccount, NewAccount()]);

        // 0.1 × 50100 × 0.0001 = 0.501.
        Assert.Equal(2, executions.Count);
        var paid = f.Account.Executions[^1];
        Assert.Equal(("Funding", "UNKNOWN", SimSide.Buy), (paid.ExecType, paid.OrderType, paid.Side));
        Assert.Equal((0.501m, 0.0001m, 5_010m, 0.1m), (paid.ExecFee, paid.FeeRate, paid.ExecValue, paid.ExecQty));
        Assert.Equal(longBefore - 0.501m, f.Account.Coin("USDT").WalletBalance);
        var received = shortAccount.Executions[^1];
        Assert.Equal((-0.501m, SimSide.Sell), (received.ExecFee, received.Side));
        Assert.Equal(shortBefore + 0.501m, shortAccount.Coin("USDT").WalletBalance);
        Assert.Equal(-2.75m + 0.501m, shortAccount.Position("BTCUSDT").CumRealisedPnl);
    }

    [Fact]
    public void Cancel_of_unknown_linear_order_is_110001()
    {
        var f = new TradingFixture();

        Assert.Equal(SimRetCodes.LinearOrderNotFound, f.Engine.Cancel(f.Account, MarketCategory.Linear, "BTCUSDT", "nope", null, Now).RetCode);
    }
}
