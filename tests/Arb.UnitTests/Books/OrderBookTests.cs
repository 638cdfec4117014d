using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.UnitTests.Books;

public sealed class OrderBookTests
{
    private static PriceLevel L(string price, string size) => new(decimal.Parse(price), decimal.Parse(size));

    private static OrderBook BuiltBook()
    {
        var book = new OrderBook("BTCUSDT", MarketCategory.Linear, 50);
        var result = book.ApplySnapshot(
            [L("100.0", "1"), L("99.5", "2"), L("99.0", "3")],
            [L("100.5", "1"), L("101.0", "2"), L("101.5", "4")],
            updateId: 10, sequence: 500, timestampMs: 1_000);
        Assert.Equal(BookUpdateResult.Applied, result);
        return book;
    }

    [Fact]
    public void Snapshot_builds_a_valid_book_with_best_prices()
    {
        var book = BuiltBook();

        Assert.True(book.IsValid);
        Assert.True(book.TryGetTop(out var bid, out var ask));
        Assert.Equal(100.0m, bid.Price);
        Assert.Equal(100.5m, ask.Price);
        Assert.Equal(3, book.Bids.Count);
        Assert.Equal(99.0m, book.Bids[2].Price);
        Assert.Equal(101.5m, book.Asks[2].Price);
        Assert.Equal(10, book.UpdateId);
    }
}
