using Arb.Bybit.Rest;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.UnitTests.Rest;

public sealed class OrderRequestTests
{
    [Fact]
    public void A_spot_market_buy_in_base_units_writes_fixed_keys_and_the_qty_scale_given()
    {
        var order = new OrderRequest(MarketCategory.Spot, "LTCUSDT", TradeSide.Buy, OrderType.Market, 0.200m, "leg-1", MarketUnit: MarketUnit.BaseCoin);

        Assert.Equal("""{"category":"spot","symbol":"LTCUSDT","side":"Buy","orderType":"Market","qty":"0.200","marketUnit":"baseCoin","orderLinkId":"leg-1"}""", order.ToJson());
    }

    [Fact]
    public void A_reduce_only_linear_limit_writes_price_time_in_force_and_the_flag()
    {
        var order = new OrderRequest(MarketCategory.Linear, "ADAUSDT", TradeSide.Sell, OrderType.Limit, 50m, "leg_2-x", 0.1000m, TimeInForce.PostOnly, ReduceOnly: true);

        Assert.Equal("""{"category":"linear","symbol":"ADAUSDT","side":"Sell","orderType":"Limit","qty":"50","price":"0.1000","timeInForce":"PostOnly","orderLinkId":"leg_2-x","reduceOnly":true}""", order.ToJson());
    }

    [Theory]
    [InlineData(OrderType.Limit, null, null, false, "leg")]
    [InlineData(OrderType.Market, 100.0, null, false, "leg")]
    [InlineData(OrderType.Market, null, MarketUnit.QuoteCoin, false, "leg")]
    [InlineData(OrderType.Market, null, null, false, "")]
    [InlineData(OrderType.Market, null, null, false, "has space")]
    [InlineData(OrderType.Market, null, null, false, "0123456789012345678901234567890123456")]
    public void Inconsistent_linear_requests_are_refused_before_sending(OrderType type, double? price, MarketUnit? unit, bool reduceOnly, string linkId)
    {
        var order = new OrderRequest(MarketCategory.Linear, "BTCUSDT", TradeSide.Buy, type, 0.01m, linkId, (decimal?)price, null, reduceOnly, unit);

        Assert.Throws<ArgumentException>(order.ToJson);
    }

    [Fact]
    public void Reduce_only_on_spot_and_a_zero_qty_are_refused()
    {
        Assert.Throws<ArgumentException>(new OrderRequest(MarketCategory.Spot, "BTCUSDT", TradeSide.Sell, OrderType.Market, 1m, "a", ReduceOnly: true).Validate);
        Assert.Throws<ArgumentException>(new OrderRequest(MarketCategory.Linear, "BTCUSDT", TradeSide.Sell, OrderType.Market, 0m, "a").Validate);
    }
}
