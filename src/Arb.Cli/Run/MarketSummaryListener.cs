using System.Globalization;
using Arb.Domain.Books;
using Arb.Domain.Market;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Run;

/// <summary>
/// While the trading engine is not running, shows what the bot sees: every few seconds per symbol, the spot and
/// perp top of book, the basis between their mids, and the perp's funding. Runs on the market-data thread.
/// </summary>
internal sealed partial class MarketSummaryListener(TimeProvider time, TimeSpan interval, ILogger logger) : IMarketDataListener
{
    private readonly Dictionary<string, SymbolView> _symbols = new(StringComparer.Ordinal);

    public void OnBookUpdated(OrderBook book)
    {
        var view = View(book.Symbol);
        if (book.Category == MarketCategory.Spot)
        {
            view.Spot = book;
        }
        else
        {
            view.Perp = book;
        }

        MaybeReport(view);
    }

    public void OnBookInvalidated(OrderBook book, string reason) =>
        LogStale(book.Category.ToWireName(), book.Symbol, reason);

    public void OnTickerUpdated(InstrumentTicker ticker)
    {
        if (ticker.Category == MarketCategory.Linear)
        {
            View(ticker.Symbol).Ticker = ticker;
        }
    }

    private SymbolView View(string symbol)
    {
        if (!_symbols.TryGetValue(symbol, out var view))
        {
            view = new SymbolView(symbol);
            _symbols[symbol] = view;
        }

        return view;
    }

    private void MaybeReport(SymbolView view)
    {
        var now = time.GetTimestamp();
        if (view.LastReport != 0 && time.GetElapsedTime(view.LastReport, now) < interval)
        {
            return;
        }

        view.LastReport = now;
        LogSummary(view.Symbol, Describe(view.Spot), Describe(view.Perp), Basis(view), Funding(view.Ticker));
    }

    private static string Describe(OrderBook? book) => book is not null && book.TryGetTop(out var bid, out var ask)
        ? string.Create(CultureInfo.InvariantCulture, $"{bid.Price} x {bid.Size} / {ask.Price} x {ask.Size}")
        : "waiting for a valid book";

    private static string Basis(SymbolView view)
    {
        if (view.Spot is null || view.Perp is null || !view.Spot.TryGetTop(out var sb, out var sa) || !view.Perp.TryGetTop(out var pb, out var pa))
        {
            return "n/a";
        }

        var spotMid = (sb.Price + sa.Price) / 2m;
        var perpMid = (pb.Price + pa.Price) / 2m;
        var bps = (perpMid - spotMid) / spotMid * 10_000m;
        return bps.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) + " bps";
    }

    private static string Funding(InstrumentTicker? ticker)
    {
        if (ticker?.FundingRate is not { } rate)
        {
            return "n/a";
        }

        var next = ticker.NextFundingTimeMs is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : "unknown";
        return string.Create(CultureInfo.InvariantCulture, $"{rate * 100m:0.0000}% settling {next}");
    }

    private sealed class SymbolView(string symbol)
    {
        public string Symbol { get; } = symbol;

        public OrderBook? Spot { get; set; }

        public OrderBook? Perp { get; set; }

        public InstrumentTicker? Ticker { get; set; }

        public long LastReport { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol} spot {Spot} | perp {Perp} | basis {Basis} | funding {Funding}")]
    private partial void LogSummary(string symbol, string spot, string perp, string basis, string funding);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Stream} {Symbol} book not usable until rebuilt: {Reason}")]
    private partial void LogStale(string stream, string symbol, string reason);
}
