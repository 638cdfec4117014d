using System.Globalization;
using System.Text.Json;
using Arb.Simulator.Market;

namespace Arb.Simulator.Rest;

/// <summary>One linear perpetual row of instruments-info, with the docs example's keys in the docs' order.</summary>
internal static class LinearInstrumentRow
{
    public static void Write(Utf8JsonWriter writer, SimSymbolMarket market, int symbolId, TimeSpan fundingInterval)
    {
        var instrument = market.Instrument;
        var tick = instrument.LinearTickSize;
        var qtyDecimals = instrument.LinearQtyStep.Scale;
        var maxOrderQty = instrument.LinearMaxMarketOrderQty * ListingDefaults.LimitToMarketQtyRatio;

        writer.WriteStartObject();
        writer.WriteString("symbol", instrument.Symbol);
        writer.WriteNumber("symbolId", symbolId);
        writer.WriteString("contractType", "LinearPerpetual");
        writer.WriteString("status", "Trading");
        writer.WriteString("baseCoin", instrument.BaseCoin);
        writer.WriteString("quoteCoin", SimInstrument.QuoteCoin);
        writer.WriteInt64String("launchTime", ListingDefaults.LaunchTimeMs);
        writer.WriteString("deliveryTime", "0");
        writer.WriteString("deliveryFeeRate", string.Empty);
        writer.WriteString("priceScale", tick.Scale.ToString(CultureInfo.InvariantCulture));

        writer.WriteStartObject("leverageFilter");
        writer.WriteString("minLeverage", ListingDefaults.MinLeverage);
        writer.WriteString("maxLeverage", ListingDefaults.MaxLeverage);
        writer.WriteString("leverageStep", ListingDefaults.LeverageStep);
        writer.WriteEndObject();

        writer.WriteStartObject("priceFilter");
        writer.WriteDecimalString("minPrice", tick);
        writer.WriteDecimalString("maxPrice", ListingDefaults.MaxPriceTicks * tick);
        writer.WriteDecimalString("tickSize", tick);
        writer.WriteEndObject();

        writer.WriteStartObject("lotSizeFilter");
        writer.WriteFixedString("maxOrderQty", maxOrderQty, qtyDecimals);
        writer.WriteDecimalString("minOrderQty", instrument.LinearMinOrderQty);
        writer.WriteDecimalString("qtyStep", instrument.LinearQtyStep);
        writer.WriteFixedString("postOnlyMaxOrderQty", maxOrderQty, qtyDecimals);
        writer.WriteFixedString("maxMktOrderQty", instrument.LinearMaxMarketOrderQty, qtyDecimals);
        writer.WriteDecimalString("minNotionalValue", instrument.LinearMinNotional);
        writer.WriteEndObject();

        writer.WriteBoolean("unifiedMarginTrade", true);
        writer.WriteNumber("fundingInterval", FundingIntervals.Minutes(fundingInterval));
        writer.WriteString("settleCoin", SimInstrument.QuoteCoin);

        // The simulator has no copy trading.
        writer.WriteString("copyTrading", "none");
        writer.WriteDecimalString("upperFundingRate", SimSymbolMarket.FundingCap);
        writer.WriteDecimalString("lowerFundingRate", -SimSymbolMarket.FundingCap);
        writer.WriteBoolean("isPreListing", false);
        writer.WriteNull("preListingInfo");

        writer.WriteStartObject("riskParameters");
        writer.WriteString("priceLimitRatioX", ListingDefaults.LinearPriceLimitRatioX);
        writer.WriteString("priceLimitRatioY", ListingDefaults.LinearPriceLimitRatioY);
        writer.WriteEndObject();

        writer.WriteString("symbolType", string.Empty);
        writer.WriteEndObject();
    }
}
