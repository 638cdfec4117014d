using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.Engine.Backtest;

/// <summary>
/// One instrument's book in a backtest, rebuilt from each quote row as a one-level snapshot per side. A row without
/// quantities is treated as unlimited depth at the quote (<see cref="UnlimitedQuantity"/>), so only the limits size trades.
/// </summary>
/// <remarks>
/// Per row only the book is rebuilt: the mid is computed when read (funding, basis samples, the oracle), with the
/// same expression as before, and the paper venue's copy of the book is brought up to date only when an order of
/// this instrument is matched (<see cref="CopiedUpdateId"/>).
/// </remarks>
internal sealed class QuoteMarket(string symbol, MarketCategory category)
{
    /// <summary>The quantity assumed at a quote whose file has no <c>bid_qty</c>/<c>ask_qty</c>.</summary>
    public const decimal UnlimitedQuantity = 1_000_000_000m;

    private readonly PriceLevel[] _bid = new PriceLevel[1];
    private readonly PriceLevel[] _ask = new PriceLevel[1];
    private long _updateId;
    private decimal _bidPrice;
    private decimal _askPrice;

    public OrderBook Book { get; } = new(symbol, category, 1);

    /// <summary>The last row's (bid + ask) / 2; 0 before the first row.</summary>
    public decimal Mid => HasQuote ? (_bidPrice + _askPrice) / 2m : 0m;

    public bool HasQuote { get; private set; }

    /// <summary>Rows applied to this market.</summary>
    public long Rows { get; private set; }

    /// <summary>True when a row before the last one left the book valid (the venue's copy was then valid at some point).</summary>
    public bool WasValidBefore { get; private set; }

    /// <summary>The book's update id the venue's copy was last taken at; 0: never copied.</summary>
    public long CopiedUpdateId { get; set; }

    public void Apply(in QuoteRow row, long timeMs)
    {
        WasValidBefore |= Book.IsValid;
        _bidPrice = row.Bid;
        _askPrice = row.Ask;
        _bid[0] = new PriceLevel(row.Bid, row.BidQty ?? UnlimitedQuantity);
        _ask[0] = new PriceLevel(row.Ask, row.AskQty ?? UnlimitedQuantity);
        Book.ApplySnapshot(_bid, _ask, ++_updateId, _updateId, timeMs);
        HasQuote = true;
        Rows++;
    }
}
