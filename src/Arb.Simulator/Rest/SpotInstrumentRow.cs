using System.Text.Json;
using Arb.Simulator.Market;

namespace Arb.Simulator.Rest;

/// <summary>
/// One spot row of instruments-info, with the docs example's keys. Spot has no qtyStep: quantity granularity
/// is <c>basePrecision</c> and the minimum notional is <c>minOrderAmt</c> (quote coin).
/// </summary>
internal static class SpotInstrumentRow
{
    public static void Write(Utf8JsonWriter writer, SimInstrument instrument, int symbolId)
    {
        var maxLimitOrderQty = instrument.SpotMaxMarketOrderQty * ListingDefaults.LimitToMarketQtyRatio;

        writer.WriteStartObject();
        writer.WriteNumber("symbolId", symbolId);
        writer.WriteString("symbol", instrument.Symbol);
        writer.WriteString("baseCoin", instrument.BaseCoin);
        writer.WriteString("quoteCoin", SimInstrument.QuoteCoin);
        writer.WriteString("innovation", "0");
        writer.WriteString("status", "Trading");

        // No margin trading in the simulator.
        writer.WriteString("marginTrading", "none");
        writer.WriteString("stTag", "0");

        writer.WriteStartObject("lotSizeFilter");
        writer.WriteDecimalString("basePrecision", instrument.SpotBasePrecision);
        writer.WriteString("quotePrecision", ListingDefaults.SpotQuotePrecision);
        writer.WriteDecimalString("minOrderQty", instrument.SpotMinOrderQty);
        writer.WritePlainString("maxOrderQty", maxLimitOrderQty);
        writer.WritePlainString("minOrderAmt", instrument.SpotMinOrderAmt);
        writer.WriteString("maxOrderAmt", ListingDefaults.SpotMaxOrderAmt);
        writer.WritePlainString("maxLimitOrderQty", maxLimitOrderQty);
        writer.WritePlainString("maxMarketOrderQty", instrument.SpotMaxMarketOrderQty);
        writer.WritePlainString("postOnlyMaxLimitOrderSize", maxLimitOrderQty);
        writer.WriteEndObject();

        writer.WriteStartObject("priceFilter");
        writer.WriteDecimalString("tickSize", instrument.SpotTickSize);
        writer.WriteEndObject();

        writer.WriteStartObject("riskParameters");
        writer.WriteString("priceLimitRatioX", ListingDefaults.SpotPriceLimitRatioX);
        writer.WriteString("priceLimitRatioY", ListingDefaults.SpotPriceLimitRatioY);
        writer.WriteEndObject();

        writer.WriteString("symbolType", string.Empty);
        writer.WriteEndObject();
    }
}
