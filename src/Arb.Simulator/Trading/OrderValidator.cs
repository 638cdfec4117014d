using System.Text.RegularExpressions;
using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Trading;

/// <summary>
/// The checks Bybit makes before an order exists (parameters, duplicate orderLinkId, tick, lot, minimums,
/// reduce-only), with the category's retCode. Balance and margin are checked later, once the book walk is known.
/// </summary>
internal static partial class OrderValidator
{
    /// <summary>Spot market Buy amounts in quote coin are accepted to 8 decimals (USDT's precision on Bybit spot).</summary>
    public const decimal QuoteAmountStep = 0.00000001m;

    public static OrderResult? Check(SimAccount account, SimSymbolMarket? market, OrderRequest request)
    {
        var spot = request.Category == MarketCategory.Spot;
        if (market is null || !Enum.IsDefined(request.Category) || !Enum.IsDefined(request.Side) || !Enum.IsDefined(request.OrderType))
        {
            return OrderResult.Fail(SimRetCodes.ParamsError, "symbol or enum invalid");
        }

        if (request.Qty <= 0 || (request.OrderType == SimOrderType.Limit && request.Price is not > 0))
        {
            return OrderResult.Fail(SimRetCodes.ParamsError, "qty or price invalid");
        }

        if (request.OrderLinkId is { } link)
        {
            if (!LinkIdPattern().IsMatch(link))
            {
                return OrderResult.Fail(SimRetCodes.ParamsError, "orderLinkId invalid");
            }

            if (account.IsOrderLinkIdUsed(request.Category, link))
            {
                return OrderResult.Fail(spot ? SimRetCodes.SpotDuplicateOrderLinkId : SimRetCodes.LinearDuplicateOrderLinkId);
            }
        }

        return spot ? CheckSpot(account, market, request) : CheckLinear(account, market, request);
    }

    private static OrderResult? CheckSpot(SimAccount account, SimSymbolMarket market, OrderRequest request)
    {
        var instrument = market.Instrument;
        var book = market.Spot;
        if (request.OrderType == SimOrderType.Limit && !IsMultiple(request.Price!.Value, instrument.SpotTickSize))
        {
            return OrderResult.Fail(SimRetCodes.SpotPriceDecimals);
        }

        var quoteAmount = request.OrderType == SimOrderType.Market && request.Side == SimSide.Buy && request.MarketUnit != SimMarketUnit.BaseCoin;
        if (quoteAmount)
        {
            if (!IsMultiple(request.Qty, QuoteAmountStep))
            {
                return OrderResult.Fail(SimRetCodes.SpotMarketAmountDecimals);
            }

            return request.Qty < instrument.SpotMinOrderAmt ? OrderResult.Fail(SimRetCodes.SpotOrderValueBelowMin) : null;
        }

        if (!IsMultiple(request.Qty, instrument.SpotBasePrecision))
        {
            return OrderResult.Fail(SimRetCodes.SpotQtyDecimals);
        }

        if (request.Qty < instrument.SpotMinOrderQty)
        {
            return OrderResult.Fail(SimRetCodes.SpotQtyBelowMin);
        }

        // A market order's value is judged at the touch it would take.
        var price = request.OrderType == SimOrderType.Limit ? request.Price : request.Side == SimSide.Buy ? book.BestAsk : book.BestBid;
        return price is { } p && p * request.Qty < instrument.SpotMinOrderAmt ? OrderResult.Fail(SimRetCodes.SpotOrderValueBelowMin) : null;
    }

    private static OrderResult? CheckLinear(SimAccount account, SimSymbolMarket market, OrderRequest request)
    {
        var instrument = market.Instrument;
        if (request.OrderType == SimOrderType.Limit && !IsMultiple(request.Price!.Value, instrument.LinearTickSize))
        {
            return OrderResult.Fail(SimRetCodes.ParamsError, "price not on tick");
        }

        if (!IsMultiple(request.Qty, instrument.LinearQtyStep))
        {
            return OrderResult.Fail(SimRetCodes.ParamsError, "qty not a multiple of qtyStep");
        }

        if (request.Qty < instrument.LinearMinOrderQty)
        {
            return OrderResult.Fail(SimRetCodes.ParamsError, "qty below minOrderQty");
        }

        if (request.ReduceOnly)
        {
            // Reduce-only needs a position on the other side; closing is exempt from the notional minimum.
            account.Positions.TryGetValue(request.Symbol, out var position);
            var size = position?.Size ?? 0m;
            var reduces = request.Side == SimSide.Buy ? size < 0 : size > 0;
            return reduces ? null : OrderResult.Fail(SimRetCodes.ReduceOnlyNotSatisfied);
        }

        var price = request.OrderType == SimOrderType.Limit ? request.Price!.Value : market.MarkPrice;
        return price * request.Qty < instrument.LinearMinNotional ? OrderResult.Fail(SimRetCodes.LinearMinNotional) : null;
    }

    private static bool IsMultiple(decimal value, decimal step) => value % step == 0;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,36}$")]
    private static partial Regex LinkIdPattern();
}
