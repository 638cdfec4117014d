using Arb.Domain.Books;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.UnitTests.Engine.Paper;

public sealed class PaperVenueConcurrencyTests
{
    [Fact]
    public async Task Orders_from_many_threads_take_each_unit_of_depth_once()
    {
        var f = new PaperFixture();
        var asks = Enumerable.Range(0, 50).Select(i => (100.5m + i, 1m)).ToArray();
        f.Feed(MarketCategory.Linear, asks: asks);
        var ct = TestContext.Current.CancellationToken;

        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(
            async () =>
            {
                for (var i = 0; i < 25; i++)
                {
                    var outcome = await f.Venue.SubmitAsync(new OrderIntent(MarketCategory.Linear, "BTCUSDT", TradeSide.Buy, 0.25m, null, $"w{w}-{i}"), ct);
                    Assert.Equal(SubmitOutcome.Accepted, outcome);
                }
            },
            ct));
        await Task.WhenAll(workers);

        var fills = f.DrainFills();
        Assert.Equal(25m, fills.Sum(fill => fill.Quantity));
        Assert.All(fills.GroupBy(fill => fill.Price), level => Assert.Equal(1m, level.Sum(fill => fill.Quantity)));
        Assert.Equal(Enumerable.Range(1, fills.Count).Select(n => $"paper-e-{n}"), fills.Select(fill => fill.ExecId));
        Assert.Equal(25m, f.Venue.GetPosition("BTCUSDT").Size);
    }

    [Fact]
    public void Copying_a_book_update_allocates_nothing_once_the_instrument_is_known()
    {
        var f = new PaperFixture();
        var book = PaperFixture.Book(
            MarketCategory.Linear,
            [.. Enumerable.Range(0, 60).Select(i => (100m - (i * 0.5m), 1m + i))],
            [.. Enumerable.Range(0, 60).Select(i => (100.5m + (i * 0.5m), 1m + i))]);
        var feed = f.Venue.BookFeed;
        // First sight allocates the storage. Then let tiered compilation finish (it promotes hot methods in the
        // background after a delay), so the measured loop runs final code and counts only what the copy allocates.
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 1_000; i++)
            {
                feed.OnBookUpdated(book);
            }

            Thread.Sleep(150);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            feed.OnBookUpdated(book);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(50, feed.Depth);
    }

    [Fact]
    public void An_invalid_book_offered_as_updated_counts_as_stale()
    {
        var f = new PaperFixture();
        var book = f.Feed(MarketCategory.Linear);
        book.MarkStale("crossed");

        f.Venue.BookFeed.OnBookUpdated(book);

        Assert.Equal(SubmitOutcome.Rejected("book stale: crossed"), f.Submit(MarketCategory.Linear, TradeSide.Buy, 1m, null, "a"));
        Assert.Equal(BookState.Stale, book.State);
    }
}
