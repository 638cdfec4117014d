using Arb.Simulator.Market;

namespace Arb.Simulator.Rest;

/// <summary>
/// The prices a ticker row shows for one book. The model has no trades yet, so the last price is the book's
/// mid rounded to a tick (half a tick rounds up, to the ask). The 24-hour figures are simple but consistent:
/// the market is treated as having opened at the instrument's start price, so the previous price is that
/// start price and the high/low span it and the last price.
/// </summary>
internal readonly record struct TickerFigures(
    decimal? Bid1Price,
    decimal? Bid1Size,
    decimal? Ask1Price,
    decimal? Ask1Size,
    decimal LastPrice,
    decimal PrevPrice,
    decimal HighPrice,
    decimal LowPrice,
    decimal ChangeFraction)
{
    /// <param name="fallbackPrice">The model's price when a side is empty (the books always keep a top level, so only a guard).</param>
    /// <param name="changeDecimals">Decimals of <c>price24hPcnt</c> (Bybit: 4 on spot, 6 on linear).</param>
    public static TickerFigures Of(SimBook book, decimal startPrice, decimal fallbackPrice, int changeDecimals)
    {
        (long Ticks, decimal Size)? bid = book.Bids.Count > 0 ? book.Bids[0] : null;
        (long Ticks, decimal Size)? ask = book.Asks.Count > 0 ? book.Asks[0] : null;
        var lastTicks = (bid, ask) switch
        {
            ({ } b, { } a) => (b.Ticks + a.Ticks + 1) / 2,
            ({ } b, null) => b.Ticks,
            (null, { } a) => a.Ticks,
            _ => TicksOf(fallbackPrice, book.TickSize),
        };

        var last = book.Price(lastTicks);
        var prev = book.Price(TicksOf(startPrice, book.TickSize));
        var change = prev == 0 ? 0 : Math.Round((last - prev) / prev, changeDecimals, MidpointRounding.AwayFromZero);
        return new TickerFigures(
            bid is { } top ? book.Price(top.Ticks) : null,
            bid?.Size,
            ask is { } best ? book.Price(best.Ticks) : null,
            ask?.Size,
            last,
            prev,
            Math.Max(prev, last),
            Math.Min(prev, last),
            change);
    }

    private static long TicksOf(decimal price, decimal tickSize) =>
        (long)Math.Round(price / tickSize, MidpointRounding.AwayFromZero);
}
