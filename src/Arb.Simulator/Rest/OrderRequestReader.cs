using Arb.Domain.Market;
using Arb.Simulator.Trading;

namespace Arb.Simulator.Rest;

/// <summary>
/// Turns a create-order body (PROTOCOL §5.5) into an <see cref="OrderRequest"/>. Features the simulator does not
/// model (hedge-mode position indexes, spot margin, conditional and TP/SL orders, RPI) are refused with 10001
/// instead of being silently ignored, so a bot never believes it placed something the exchange would treat differently.
/// </summary>
internal static class OrderRequestReader
{
    private static readonly string[] UnsupportedFields =
        ["triggerPrice", "takeProfit", "stopLoss", "tpLimitPrice", "slLimitPrice", "bboSideType"];

    public static OrderRequest Read(BodyReader body, MarketCategory category)
    {
        var side = body.Required("side") switch
        {
            "Buy" => SimSide.Buy,
            "Sell" => SimSide.Sell,
            var other => throw new ParamsErrorException($"params error: side '{other}' (Buy, Sell)"),
        };
        var orderType = body.Required("orderType") switch
        {
            "Market" => SimOrderType.Market,
            "Limit" => SimOrderType.Limit,
            var other => throw new ParamsErrorException($"params error: orderType '{other}' (Market, Limit)"),
        };
        var timeInForce = body.Optional("timeInForce") switch
        {
            null or "GTC" => SimTimeInForce.Gtc,
            "IOC" => SimTimeInForce.Ioc,
            "FOK" => SimTimeInForce.Fok,
            "PostOnly" => SimTimeInForce.PostOnly,
            var other => throw new ParamsErrorException($"params error: timeInForce '{other}' is not simulated (GTC, IOC, FOK, PostOnly)"),
        };
        var marketUnit = body.Optional("marketUnit") switch
        {
            null => (SimMarketUnit?)null,
            "baseCoin" => SimMarketUnit.BaseCoin,
            "quoteCoin" => SimMarketUnit.QuoteCoin,
            var other => throw new ParamsErrorException($"params error: marketUnit '{other}' (baseCoin, quoteCoin)"),
        };

        if (body.Int32("positionIdx") is { } idx and not 0)
        {
            throw new ParamsErrorException($"position idx not match position mode: positionIdx {idx} needs hedge mode, which is not simulated (use 0)");
        }

        if (body.Int32("isLeverage") is { } leverage and not 0)
        {
            throw new ParamsErrorException("params error: isLeverage 1 (spot margin) is not simulated");
        }

        if (body.Optional("orderFilter") is { } filter and not "Order")
        {
            throw new ParamsErrorException($"params error: orderFilter '{filter}' is not simulated (Order only)");
        }

        if (UnsupportedFields.FirstOrDefault(f => body.Optional(f) is not null) is { } unsupported)
        {
            throw new ParamsErrorException($"params error: {unsupported} is not simulated");
        }

        return new OrderRequest(category, body.Required("symbol"), side, orderType, body.Decimal("qty") ?? throw new ParamsErrorException("params error: qty is required"))
        {
            Price = orderType == SimOrderType.Limit ? body.Decimal("price") : null,
            TimeInForce = timeInForce,
            OrderLinkId = body.Optional("orderLinkId"),
            ReduceOnly = body.Bool("reduceOnly"),
            MarketUnit = category == MarketCategory.Spot && orderType == SimOrderType.Market ? marketUnit : null,
        };
    }
}
