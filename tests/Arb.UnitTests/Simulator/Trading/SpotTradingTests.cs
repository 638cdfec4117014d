using Arb.Simulator;
using Arb.Simulator.Trading;
using static Arb.UnitTests.Simulator.Trading.TradingFixture;

namespace Arb.UnitTests.Simulator.Trading;

public sealed class SpotTradingTests
{
    private static readonly (decimal, decimal)[] ThreeAsks = [(60_000m, 0.1m), (60_001m, 0.2m), (60_002m, 0.5m)];

    [Fact]
    public void Market_buy_in_quote_walks_three_levels_and_pays_the_fee_in_base()
    {
        var f = new TradingFixture();
        f.SetSpot([(59_999m, 1m)], ThreeAsks);

        var result = f.Submit(Spot(SimSide.Buy, SimOrderType.Market, 20_000m));

        // 6000 + 12000.2 buy two levels; 1999.8 left buys floor(1999.8 / 60002) to 0.000001 = 0.033328.
        Assert.True(result.IsOk);
        var order = result.Order!;
        Assert.Equal(SimOrderStatus.Filled, order.Status);
        Assert.Equal(3, result.Executions.Count);
        Assert.Equal([0.1m, 0.2m, 0.033328m], result.Executions.Select(e => e.ExecQty));
        Assert.Equal([60_000m, 60_001m, 60_002m], result.Executions.Select(e => e.ExecPrice));
        Assert.All(result.Executions, e => Assert.False(e.IsMaker));
        Assert.All(result.Executions, e => Assert.Equal(0.001m, e.FeeRate));
        Assert.Equal(0.333328m, order.CumExecQty);
        Assert.Equal(19_999.946656m, order.CumExecValue);
        Assert.Equal(19_999.946656m / 0.333328m, order.AvgPrice);
        Assert.Equal(0.000333328m, order.CumExecFee);
        Assert.Equal("BTC", order.FeeCurrency);
        Assert.Equal(0.332994672m, f.Account.Coin("BTC").WalletBalance);
        Assert.Equal(80_000.053344m, f.Account.Coin("USDT").WalletBalance);

        // What was taken left the book: two levels gone, the third reduced.
        Assert.Equal(1, f.Btc.Spot.Asks.Count);
        Assert.Equal(0.466672m, f.Btc.Spot.Asks[0].Size);
    }

    [Fact]
    public void Market_buy_in_base_coin_takes_that_base_quantity()
    {
        var f = new TradingFixture();
        f.SetSpot([(59_999m, 1m)], ThreeAsks);

        var result = f.Submit(Spot(SimSide.Buy, SimOrderType.Market, 0.15m) with { MarketUnit = SimMarketUnit.BaseCoin });

        Assert.Equal(SimOrderStatus.Filled, result.Order!.Status);
        Assert.Equal(9_000.05m, result.Order.CumExecValue);
        Assert.Equal(0.15m - 0.00015m, f.Account.Coin("BTC").WalletBalance);
        Assert.Equal(100_000m - 9_000.05m, f.Account.Coin("USDT").WalletBalance);
    }

    [Fact]
    public void Market_sell_pays_the_fee_in_quote()
    {
        var f = new TradingFixture();
        var account = NewAccount(btc: 1m);
        f.SetSpot([(59_999m, 0.3m), (59_998m, 1m)], ThreeAsks);

        var result = f.Submit(Spot(SimSide.Sell, SimOrderType.Market, 0.5m), account);

        // 0.3 × 59999 + 0.2 × 59998 = 29999.3; fee 0.1 % of it in USDT.
        Assert.Equal(SimOrderStatus.Filled, result.Order!.Status);
        Assert.Equal(29.9993m, result.Order.CumExecFee);
        Assert.Equal("USDT", result.Order.FeeCurrency);
        Assert.Equal(0.5m, account.Coin("BTC").WalletBalance);
        Assert.Equal(100_000m + 29_999.3m - 29.9993m, account.Coin("USDT").WalletBalance);
    }

    [Fact]
    public void Ioc_partial_fill_ends_partially_filled_canceled()
    {
        var f = new TradingFixture();
        f.SetSpot([(59_999m, 1m)], ThreeAsks);

        var result = f.Submit(Spot(SimSide.Buy, SimOrderType.Limit, 0.5m, 60_001m) with { TimeInForce = SimTimeInForce.Ioc });

        Assert.Equal(SimOrderStatus.PartiallyFilledCanceled, result.Order!.Status);
        Assert.Equal(0.3m, result.Order.CumExecQty);
        Assert.Equal(0m, result.Order.LeavesQty);
        Assert.Equal("EC_CancelForNoFullFill", result.Order.RejectReason);
        Assert.Equal(0m, f.Account.Coin("USDT").Locked);
    }

    [Fact]
    public void Post_only_that_would_take_is_cancelled_and_one_that_would_not_rests()
    {
        var f = new TradingFixture();
        f.SetSpot([(59_999m, 1m)], ThreeAsks);

        var crossing = f.Submit(Spot(SimSide.Buy, SimOrderType.Limit, 0.1m, 60_000m) with { TimeInForce = SimTimeInForce.PostOnly });
        var resting = f.Submit(Spot(SimSide.Buy, SimOrderType.Limit, 0.1m, 59_999.5m) with { TimeInForce = SimTimeInForce.PostOnly });

        Assert.Equal(SimOrderStatus.Cancelled, crossing.Order!.Status);
        Assert.Equal("EC_PostOnlyWillTakeLiquidity", crossing.Order.RejectReason);
        Assert.Empty(crossing.Executions);
        Assert.Equal(SimOrderStatus.New, resting.Order!.Status);
        Assert.Equal(5_999.95m, f.Account.Coin("USDT").Locked);
        Assert.Equal(0.1m, f.Btc.Spot.Asks[0].Size);
    }

    [Fact]
    public void Gtc_rests_with_funds_locked_then_fills_as_maker_when_the_book_crosses()
    {
        var f = new TradingFixture();
        f.SetSpot([(59_989m, 1m)], ThreeAsks);

        var placed = f.Submit(Spot(SimSide.Buy, SimOrderType.Limit, 0.2m, 59_990m));
        Assert.Equal(SimOrderStatus.New, placed.Order!.Status);
        Assert.Equal(11_998m, f.Account.Coin("USDT").Locked);
        Assert.Equal(88_002m, f.Account.Coin("USDT").Available);

        f.SetSpot([(59_980m, 1m)], [(59_985m, 0.15m), (59_990m, 0.1m), (59_995m, 1m)]);
        var fills = f.Engine.OnMarketStep(Now + 50);

        var fill = Assert.Single(fills);
        Assert.True(fill.IsMaker);
        Assert.Equal(59_990m, fill.ExecPrice);
        Assert.Equal(0.2m, fill.ExecQty);
        Assert.Equal(0.0002m, fill.ExecFee);
        var order = f.Account.Orders[placed.Order.OrderId];
        Assert.Equal(SimOrderStatus.Filled, order.Status);
        Assert.Equal(0m, f.Account.Coin("USDT").Locked);
        Assert.Equal(88_002m, f.Account.Coin("USDT").WalletBalance);
        Assert.Equal(0.1998m, f.Account.Coin("BTC").WalletBalance);
        Assert.Equal([(f.Btc.Spot.Ticks(59_990m), 0.05m), (f.Btc.Spot.Ticks(59_995m), 1m)], f.Btc.Spot.Asks.Top(5));
        Assert.Empty(f.Engine.OnMarketStep(Now + 100));
    }

    [Fact]
    public void Cancel_releases_the_lock_and_a_second_cancel_is_unknown()
    {
        var f = new TradingFixture();
        f.SetSpot([(59_989m, 1m)], ThreeAsks);
        var placed = f.Submit(Spot(SimSide.Buy, SimOrderType.Limit, 0.2m, 59_990m) with { OrderLinkId = "a-1" });

        var cancelled = f.Engine.Cancel(f.Account, Arb.Domain.Market.MarketCategory.Spot, "BTCUSDT", null, "a-1", Now);
        var again = f.Engine.Cancel(f.Account, Arb.Domain.Market.MarketCategory.Spot, "BTCUSDT", placed.Order!.OrderId, null, Now);

        Assert.Equal(SimOrderStatus.Cancelled, cancelled.Order!.Status);
        Assert.Equal("CancelByUser", cancelled.Order.CancelType);
        Assert.Equal(0m, f.Account.Coin("USDT").Locked);
        Assert.Equal(SimRetCodes.SpotOrderNotFound, again.RetCode);
    }

    [Fact]
    public void Events_report_execution_then_order_then_wallet()
    {
        var f = new TradingFixture();
        f.SetSpot([(59_999m, 1m)], ThreeAsks);
        f.Submit(Spot(SimSide.Buy, SimOrderType.Market, 6_000m));

        var events = f.Account.DrainEvents();

        Assert.IsType<SimExecutionEvent>(events[0]);
        Assert.Equal(SimOrderStatus.Filled, Assert.IsType<SimOrderEvent>(events[1]).Order.Status);
        var wallet = Assert.IsType<SimWalletEvent>(events[2]);
        Assert.Equal(["BTC", "USDT"], wallet.Coins.Select(c => c.Coin));
        Assert.Equal(0.0999m, wallet.Coins[0].WalletBalance);
        Assert.Empty(f.Account.PendingEvents);
    }
}
