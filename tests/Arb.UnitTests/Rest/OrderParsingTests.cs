using Arb.Bybit.Rest;
using Arb.Domain.Trading;

namespace Arb.UnitTests.Rest;

public sealed class OrderParsingTests
{
    [Theory]
    [InlineData("rest_order_create.docs.json", "1321003749386327552", "spot-test-postonly")]
    [InlineData("rest_order_create_spot.ccxt.json", "1609920528435648000", "1609920528444036608")]
    [InlineData("rest_order_cancel.docs.json", "c6f055d9-7f21-4079-913d-e6523a9cfffa", "linear-004")]
    public void Create_and_cancel_acks_carry_both_ids(string fixture, string orderId, string orderLinkId)
    {
        var envelope = FixtureEnvelope.Load(fixture);

        Assert.Equal(new OrderAck(orderId, orderLinkId), TradingParsers.ParseOrderAck(envelope.Result));
    }

    [Fact]
    public void Docs_open_order_parses_with_numbers_and_a_zero_avg_price_as_none()
    {
        var orders = TradingParsers.ParseOrders(FixtureEnvelope.Load("rest_order_realtime.docs.json").Result, out var next);

        var order = Assert.Single(orders);
        Assert.Equal("page_args%3Dfd4300ae-7847-404e-b947-b46980a4d140%26symbol%3D6%26", next);
        Assert.Equal(("fd4300ae-7847-404e-b947-b46980a4d140", "test-000005", "ETHUSDT"), (order.OrderId, order.OrderLinkId, order.Symbol));
        Assert.Equal((TradeSide.Buy, OrderType.Limit, "New"), (order.Side, order.OrderType, order.Status));
        Assert.Equal((0.10m, 1600.00m, (decimal?)null), (order.Qty, order.Price, order.AvgPrice));
        Assert.Equal((0.00m, 0m, 0m, 0.10m), (order.CumExecQty, order.CumExecValue, order.CumExecFee, order.LeavesQty));
        Assert.Equal(0.00242968m, order.CumFeeDetail["MNT"]);
        Assert.Equal((1684738540559L, 1684738540561L), (order.CreatedTimeMs, order.UpdatedTimeMs));
        Assert.True(order.IsOpen);
    }

    [Fact]
    public void Ccxt_open_linear_order_with_empty_avg_price_and_link_id_parses()
    {
        var order = Assert.Single(TradingParsers.ParseOrders(FixtureEnvelope.Load("rest_order_realtime_linear_open.ccxt.json").Result, out _));

        Assert.Equal(("3606515b-e4d7-4ea4-b096-bb247d0661ae", "", "BTCUSDT"), (order.OrderId, order.OrderLinkId, order.Symbol));
        Assert.Equal((TradeSide.Buy, OrderType.Limit, "New"), (order.Side, order.OrderType, order.Status));
        Assert.Equal((0.001m, 102000m, (decimal?)null, 0m, 0.001m), (order.Qty, order.Price, order.AvgPrice, order.CumExecQty, order.LeavesQty));
        Assert.Empty(order.CumFeeDetail);
        Assert.Equal((1758189775648L, 1758189775651L), (order.CreatedTimeMs, order.UpdatedTimeMs));
    }

    [Fact]
    public void Filled_linear_market_order_reports_its_fills_and_fee()
    {
        var order = Assert.Single(TradingParsers.ParseOrders(FixtureEnvelope.Load("rest_order_history_linear_filled.ccxt.json").Result, out _));

        Assert.Equal((TradeSide.Buy, OrderType.Market, "Filled"), (order.Side, order.OrderType, order.Status));
        Assert.Equal((0.001m, 123615.9m, (decimal?)123498m), (order.Qty, order.Price, order.AvgPrice));
        Assert.Equal((0.001m, 123.498m, 0.0679239m, 0m), (order.CumExecQty, order.CumExecValue, order.CumExecFee, order.LeavesQty));
        Assert.Equal(0.0679239m, order.CumFeeDetail["USDT"]);
        Assert.False(order.IsOpen);
    }

    [Fact]
    public void Spot_market_buy_in_quote_units_that_ran_out_of_liquidity_is_partially_filled_cancelled()
    {
        var order = Assert.Single(TradingParsers.ParseOrders(FixtureEnvelope.Load("rest_order_history_spot_market_buy.ccxt.json").Result, out _));

        Assert.Equal(("1609602210852247040", "1609602210852247041", "BTCUSDT"), (order.OrderId, order.OrderLinkId, order.Symbol));
        Assert.Equal((TradeSide.Buy, OrderType.Market, "PartiallyFilledCanceled"), (order.Side, order.OrderType, order.Status));
        Assert.Equal((50.000000m, 0m, (decimal?)30966.41m), (order.Qty, order.Price, order.AvgPrice));
        Assert.Equal((0.001614m, 49.97980168m, 0.000001614m, 0.000000m), (order.CumExecQty, order.CumExecValue, order.CumExecFee, order.LeavesQty));
        Assert.False(order.IsOpen);
    }

    [Fact]
    public void Spot_market_sell_parses_its_base_quantity_and_quote_value()
    {
        var order = Assert.Single(TradingParsers.ParseOrders(FixtureEnvelope.Load("rest_order_history_spot_market_sell.ccxt.json").Result, out _));

        Assert.Equal(("XRPUSDT", TradeSide.Sell, "Filled"), (order.Symbol, order.Side, order.Status));
        Assert.Equal((123.00m, (decimal?)0.5351m, 123.00m), (order.Qty, order.AvgPrice, order.CumExecQty));
        Assert.Equal((65.817300m, 0.0658173m), (order.CumExecValue, order.CumExecFee));
        Assert.Equal((1706615783247L, 1706615783251L), (order.CreatedTimeMs, order.UpdatedTimeMs));
    }
}
