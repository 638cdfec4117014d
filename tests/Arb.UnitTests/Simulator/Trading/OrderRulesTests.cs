using Arb.Simulator;
using Arb.Simulator.Trading;
using static Arb.UnitTests.Simulator.Trading.TradingFixture;

namespace Arb.UnitTests.Simulator.Trading;

public sealed class OrderRulesTests
{
    private static TradingFixture Fixture()
    {
        var f = new TradingFixture();
        f.SetSpot([(59_999m, 1m)], [(60_000m, 1m)]);
        f.SetLinear([(49_999.9m, 1m)], [(50_000m, 1m)]);
        f.Btc.SetMarkPrice(50_000m);
        return f;
    }

    [Fact]
    public void Duplicate_order_link_id_has_each_category_s_code()
    {
        var f = Fixture();
        var spot = Spot(SimSide.Buy, SimOrderType.Limit, 0.001m, 59_000m) with { OrderLinkId = "leg-1" };
        var linear = Linear(SimSide.Buy, SimOrderType.Limit, 0.001m, 49_000m) with { OrderLinkId = "leg-1" };

        Assert.True(f.Submit(spot).IsOk);
        Assert.True(f.Submit(linear).IsOk);
        Assert.Equal(SimRetCodes.SpotDuplicateOrderLinkId, f.Submit(spot).RetCode);
        Assert.Equal(SimRetCodes.LinearDuplicateOrderLinkId, f.Submit(linear).RetCode);
        Assert.Equal(SimRetCodes.ParamsError, f.Submit(spot with { OrderLinkId = "bad id!" }).RetCode);
    }

    [Fact]
    public void Insufficient_balance_codes()
    {
        var f = Fixture();

        Assert.Equal(SimRetCodes.SpotInsufficientBalance, f.Submit(Spot(SimSide.Buy, SimOrderType.Market, 100_000.01m)).RetCode);
        Assert.Equal(SimRetCodes.SpotInsufficientBalance, f.Submit(Spot(SimSide.Sell, SimOrderType.Market, 0.001m)).RetCode);
        Assert.Equal(SimRetCodes.LinearInsufficientBalance, f.Submit(Linear(SimSide.Buy, SimOrderType.Limit, 20m, 50_000m)).RetCode);
        Assert.Empty(f.Account.Orders);
    }

    [Fact]
    public void Spot_tick_lot_minimum_codes()
    {
        var f = Fixture();

        Assert.Equal(SimRetCodes.SpotPriceDecimals, f.Submit(Spot(SimSide.Buy, SimOrderType.Limit, 0.001m, 59_000.005m)).RetCode);
        Assert.Equal(SimRetCodes.SpotQtyDecimals, f.Submit(Spot(SimSide.Buy, SimOrderType.Limit, 0.0010001m, 59_000m)).RetCode);
        Assert.Equal(SimRetCodes.SpotQtyBelowMin, f.Submit(Spot(SimSide.Buy, SimOrderType.Limit, 0.00001m, 59_000m)).RetCode);
        Assert.Equal(SimRetCodes.SpotOrderValueBelowMin, f.Submit(Spot(SimSide.Buy, SimOrderType.Limit, 0.00005m, 59_000m)).RetCode);
        Assert.Equal(SimRetCodes.SpotOrderValueBelowMin, f.Submit(Spot(SimSide.Buy, SimOrderType.Market, 4.99m)).RetCode);
        Assert.Equal(SimRetCodes.SpotMarketAmountDecimals, f.Submit(Spot(SimSide.Buy, SimOrderType.Market, 10.000000001m)).RetCode);
    }

    [Fact]
    public void Linear_tick_lot_minimum_and_reduce_only_codes()
    {
        var f = Fixture();

        Assert.Equal(SimRetCodes.ParamsError, f.Submit(Linear(SimSide.Buy, SimOrderType.Limit, 0.001m, 49_000.05m)).RetCode);
        Assert.Equal(SimRetCodes.ParamsError, f.Submit(Linear(SimSide.Buy, SimOrderType.Limit, 0.0015m, 49_000m)).RetCode);
        Assert.Equal(SimRetCodes.ParamsError, f.Submit(Linear(SimSide.Buy, SimOrderType.Limit, 0.001m)).RetCode);
        Assert.Equal(SimRetCodes.LinearMinNotional, f.Submit(Linear(SimSide.Buy, SimOrderType.Limit, 0.001m, 4_000m)).RetCode);
        Assert.Equal(SimRetCodes.ParamsError, f.Submit(Linear(SimSide.Buy, SimOrderType.Market, 0.001m) with { Symbol = "XRPUSDT" }).RetCode);
        Assert.Equal(SimRetCodes.ReduceOnlyNotSatisfied, f.Submit(Linear(SimSide.Sell, SimOrderType.Market, 0.001m) with { ReduceOnly = true }).RetCode);

        f.Submit(Linear(SimSide.Buy, SimOrderType.Market, 0.002m));
        Assert.Equal(SimRetCodes.ReduceOnlyNotSatisfied, f.Submit(Linear(SimSide.Buy, SimOrderType.Market, 0.001m) with { ReduceOnly = true }).RetCode);

        // Reduce-only is trimmed to the position it closes.
        var close = f.Submit(Linear(SimSide.Sell, SimOrderType.Market, 0.005m) with { ReduceOnly = true });
        Assert.Equal((SimOrderStatus.Filled, 0.002m), (close.Order!.Status, close.Order.CumExecQty));
        Assert.Equal(0m, f.Account.Position("BTCUSDT").Size);
    }
}
