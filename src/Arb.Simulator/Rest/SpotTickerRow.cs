using System.Text.Json;
using Arb.Simulator.Market;

namespace Arb.Simulator.Rest;

/// <summary>One spot row of tickers, with the docs example's keys (REST spot rows carry the book tops).</summary>
internal static class SpotTickerRow
{
    public static void Write(Utf8JsonWriter writer, SimSymbolMarket market)
    {
        var book = market.Spot;
        var figures = TickerFigures.Of(book, market.Instrument.StartPrice, market.IndexPrice, changeDecimals: 4);

        writer.WriteStartObject();
        writer.WriteString("symbol", market.Instrument.Symbol);
        writer.WriteOptionalDecimalString("bid1Price", figures.Bid1Price);
        writer.WriteOptionalDecimalString("bid1Size", figures.Bid1Size);
        writer.WriteOptionalDecimalString("ask1Price", figures.Ask1Price);
        writer.WriteOptionalDecimalString("ask1Size", figures.Ask1Size);
        writer.WriteDecimalString("lastPrice", figures.LastPrice);
        writer.WriteDecimalString("prevPrice24h", figures.PrevPrice);
        writer.WriteDecimalString("price24hPcnt", figures.ChangeFraction);
        writer.WriteDecimalString("highPrice24h", figures.HighPrice);
        writer.WriteDecimalString("lowPrice24h", figures.LowPrice);

        // Nobody trades against the synthetic book yet.
        writer.WriteString("turnover24h", "0");
        writer.WriteString("volume24h", "0");
        writer.WriteFixedString("usdIndexPrice", market.IndexPrice, book.TickSize.Scale);
        writer.WriteEndObject();
    }
}
