using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.Engine.Backtest;

/// <summary>
/// One instrument's book in a backtest, rebuilt from each quote row as a one-level snapshot per side. A row without
/// quantities is treated as unlimited depth at the quote (<see cref="UnlimitedQuantity"/>), so only the limits size trades.
/// </summary>
internal sealed class QuoteMarket(string symbol, MarketCategory category)
{
    /// <summary>The quantity assumed at a quote whose file has no <c>bid_qty</c>/<c>ask_qty</c>.</summary>
    public const decimal UnlimitedQuantity = 1_000_000_000m;

    private readonly PriceLevel[] _bid = new PriceLevel[1];
    private readonly PriceLevel[] _ask = new PriceLevel[1];
    private long _updateId;

    public OrderBook Book { get; } = new(symbol, category, 1);

    public decimal Mid { get; private set; }

    public bool HasQuote { get; private set; }

    /// <summary>Rows applied to this market.</summary>
    public long Rows { get; private set; }

    public void Apply(in QuoteRow row, long timeMs)
    {
        _bid[0] = new PriceLevel(row.Bid, row.BidQty ?? UnlimitedQuantity);
        _ask[0] = new PriceLevel(row.Ask, row.AskQty ?? UnlimitedQuantity);
        Book.ApplySnapshot(_bid, _ask, ++_updateId, _updateId, timeMs);
        Mid = (row.Bid + row.Ask) / 2m;
        HasQuote = true;
        Rows++;
    }
}
