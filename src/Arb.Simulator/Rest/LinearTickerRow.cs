using System.Globalization;
using System.Text.Json;
using Arb.Simulator.Market;

namespace Arb.Simulator.Rest;

/// <summary>
/// One linear perpetual row of tickers, with the newest field set Bybit documents for perpetuals (the inverse
/// example of the docs; they give no linear one). Delivery, basis and pre-listing fields are "" as for any
/// perpetual; open interest and volumes are "0" since nobody trades against the synthetic book yet.
/// </summary>
internal static class LinearTickerRow
{
    public static void Write(Utf8JsonWriter writer, SimSymbolMarket market, TimeSpan fundingInterval)
    {
        var book = market.Linear;
        var figures = TickerFigures.Of(book, market.Instrument.StartPrice, market.MarkPrice, changeDecimals: 6);

        writer.WriteStartObject();
        writer.WriteString("symbol", market.Instrument.Symbol);
        writer.WriteDecimalString("lastPrice", figures.LastPrice);
        writer.WriteFixedString("indexPrice", market.IndexPrice, book.TickSize.Scale);
        writer.WriteFixedString("markPrice", market.MarkPrice, book.TickSize.Scale);
        writer.WriteDecimalString("prevPrice24h", figures.PrevPrice);
        writer.WriteDecimalString("price24hPcnt", figures.ChangeFraction);
        writer.WriteDecimalString("highPrice24h", figures.HighPrice);
        writer.WriteDecimalString("lowPrice24h", figures.LowPrice);

        // The market opened at its start price, so the hour-ago price is that too.
        writer.WriteDecimalString("prevPrice1h", figures.PrevPrice);
        writer.WriteString("openInterest", "0");
        writer.WriteString("openInterestValue", "0");
        writer.WriteString("turnover24h", "0");
        writer.WriteString("volume24h", "0");
        writer.WriteDecimalString("fundingRate", market.FundingRate);
        writer.WriteInt64String("nextFundingTime", market.NextFundingTimeMs);
        writer.WriteString("predictedDeliveryPrice", string.Empty);
        writer.WriteString("basisRate", string.Empty);
        writer.WriteString("deliveryFeeRate", string.Empty);
        writer.WriteString("deliveryTime", "0");
        writer.WriteOptionalDecimalString("ask1Size", figures.Ask1Size);
        writer.WriteOptionalDecimalString("bid1Price", figures.Bid1Price);
        writer.WriteOptionalDecimalString("ask1Price", figures.Ask1Price);
        writer.WriteOptionalDecimalString("bid1Size", figures.Bid1Size);
        writer.WriteString("basis", string.Empty);
        writer.WriteString("preOpenPrice", string.Empty);
        writer.WriteString("preQty", string.Empty);
        writer.WriteString("curPreListingPhase", string.Empty);
        writer.WriteString("fundingIntervalHour", FundingIntervals.Hours(fundingInterval).ToString(CultureInfo.InvariantCulture));
        writer.WriteString("basisRateYear", string.Empty);
        writer.WriteDecimalString("fundingCap", SimSymbolMarket.FundingCap);
        writer.WriteEndObject();
    }
}
