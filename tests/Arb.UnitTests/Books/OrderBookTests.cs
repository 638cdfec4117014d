using Arb.Domain.Books;
using Arb.Domain.Market;

namespace Arb.UnitTests.Books;

public sealed class OrderBookTests
{
    private static PriceLevel L(decimal price, decimal size) => new(price, size);

    private static OrderBook BuiltBook()
    {
        var book = new OrderBook("BTCUSDT", MarketCategory.Linear, 50);
        var result = book.ApplySnapshot(
            [L(100.0m, 1), L(99.5m, 2), L(99.0m, 3)],
            [L(100.5m, 1), L(101.0m, 2), L(101.5m, 4)],
            updateId: 10, sequence: 500, timestampMs: 1_000);
        Assert.Equal(BookUpdateResult.Applied, result);
        return book;
    }

    private static decimal[] Prices(BookSide side) => Enumerable.Range(0, side.Count).Select(i => side[i].Price).ToArray();

    [Fact]
    public void Snapshot_builds_a_valid_book_ordered_best_first()
    {
        var book = BuiltBook();

        Assert.True(book.IsValid);
        Assert.True(book.TryGetTop(out var bid, out var ask));
        Assert.Equal(L(100.0m, 1), bid);
        Assert.Equal(L(100.5m, 1), ask);
        Assert.Equal([100.0m, 99.5m, 99.0m], Prices(book.Bids));
        Assert.Equal([100.5m, 101.0m, 101.5m], Prices(book.Asks));
        Assert.Equal(10, book.UpdateId);
        Assert.Equal(500, book.Sequence);
        Assert.Equal(1_000, book.TimestampMs);
    }

    [Fact]
    public void Snapshot_in_any_order_is_sorted_and_replaces_the_previous_book()
    {
        var book = BuiltBook();

        book.ApplySnapshot([L(98m, 1), L(99m, 2), L(97m, 1)], [L(103m, 1), L(102m, 5)], 50, 0, 2_000);

        Assert.Equal([99m, 98m, 97m], Prices(book.Bids));
        Assert.Equal([102m, 103m], Prices(book.Asks));
        Assert.Equal(50, book.UpdateId);
    }

    [Fact]
    public void Delta_inserts_replaces_and_deletes_levels()
    {
        var book = BuiltBook();

        var result = book.ApplyDelta(
            [L(99.5m, 0), L(99.8m, 7), L(100.0m, 1.5m)],
            [L(100.5m, 0), L(100.7m, 3)],
            updateId: 11, sequence: 501, timestampMs: 1_100);

        Assert.Equal(BookUpdateResult.Applied, result);
        Assert.Equal([100.0m, 99.8m, 99.0m], Prices(book.Bids));
        Assert.Equal(1.5m, book.Bids[0].Size);
        Assert.Equal(7m, book.Bids[1].Size);
        Assert.Equal([100.7m, 101.0m, 101.5m], Prices(book.Asks));
        Assert.Equal(11, book.UpdateId);
        Assert.Equal(1_100, book.TimestampMs);
    }

    [Fact]
    public void Deleting_an_unknown_price_changes_nothing()
    {
        var book = BuiltBook();

        Assert.Equal(BookUpdateResult.Applied, book.ApplyDelta([L(42m, 0)], [], 11, 0, 0));

        Assert.Equal([100.0m, 99.5m, 99.0m], Prices(book.Bids));
    }

    [Fact]
    public void A_gap_in_update_ids_makes_the_book_stale_and_later_deltas_are_dropped()
    {
        var book = BuiltBook();

        Assert.Equal(BookUpdateResult.Gap, book.ApplyDelta([L(99.9m, 1)], [], updateId: 12, 0, 0));
        Assert.Equal(BookState.Stale, book.State);
        Assert.Equal("gap", book.StaleReason);
        Assert.False(book.TryGetTop(out _, out _));

        Assert.Equal(BookUpdateResult.IgnoredNotValid, book.ApplyDelta([L(99.9m, 1)], [], updateId: 13, 0, 0));
        Assert.Equal([100.0m, 99.5m, 99.0m], Prices(book.Bids)); // the gap delta was not applied

        Assert.Equal(BookUpdateResult.Applied, book.ApplySnapshot([L(99m, 1)], [L(100m, 1)], 20, 0, 0));
        Assert.True(book.IsValid);
        Assert.Null(book.StaleReason);
        Assert.Equal(BookUpdateResult.Applied, book.ApplyDelta([L(99.5m, 1)], [], 21, 0, 0));
    }

    [Fact]
    public void A_repeated_update_id_is_a_gap_too()
    {
        var book = BuiltBook();

        Assert.Equal(BookUpdateResult.Gap, book.ApplyDelta([], [], updateId: 10, 0, 0));
    }

    [Fact]
    public void A_delta_before_any_snapshot_is_dropped()
    {
        var book = new OrderBook("ETHUSDT", MarketCategory.Spot, 50);

        Assert.Equal(BookUpdateResult.IgnoredNotValid, book.ApplyDelta([L(1m, 1)], [], 1, 0, 0));
        Assert.Equal(BookState.Empty, book.State);
    }

    [Fact]
    public void A_crossed_result_makes_the_book_stale()
    {
        var book = BuiltBook();

        Assert.Equal(BookUpdateResult.Crossed, book.ApplyDelta([L(100.5m, 1)], [], 11, 0, 0));
        Assert.Equal(BookState.Stale, book.State);
        Assert.Equal("crossed", book.StaleReason);
    }

    [Fact]
    public void Marking_stale_hides_the_top_until_the_next_snapshot()
    {
        var book = BuiltBook();

        book.MarkStale("connection lost");

        Assert.False(book.IsValid);
        Assert.Equal("connection lost", book.StaleReason);
        Assert.False(book.TryGetTop(out _, out _));
    }

    [Fact]
    public void Buying_walks_the_asks_and_reports_the_volume_weighted_price()
    {
        var book = BuiltBook();

        var fill = book.EstimateBuy(2.5m);

        // 1 @ 100.5 + 1.5 @ 101.0 = 252.0
        Assert.True(fill.IsComplete);
        Assert.Equal(2.5m, fill.FilledQuantity);
        Assert.Equal(252.0m, fill.Notional);
        Assert.Equal(100.8m, fill.AveragePrice);
        Assert.Equal(101.0m, fill.WorstPrice);
    }

    [Fact]
    public void Selling_walks_the_bids_and_reports_what_the_depth_cannot_fill()
    {
        var book = BuiltBook();

        var fill = book.EstimateSell(10m);

        // The bids hold 1 + 2 + 3 = 6: 100 + 199 + 297 = 596
        Assert.False(fill.IsComplete);
        Assert.Equal(10m, fill.RequestedQuantity);
        Assert.Equal(6m, fill.FilledQuantity);
        Assert.Equal(596.0m, fill.Notional);
        Assert.Equal(596.0m / 6m, fill.AveragePrice);
        Assert.Equal(99.0m, fill.WorstPrice);
    }

    [Fact]
    public void Estimating_on_an_empty_side_fills_nothing()
    {
        var book = new OrderBook("ETHUSDT", MarketCategory.Spot, 50);
        book.ApplySnapshot([L(10m, 1)], [], 1, 0, 0);

        var fill = book.EstimateBuy(1m);

        Assert.Equal(0m, fill.FilledQuantity);
        Assert.Equal(0m, fill.AveragePrice);
        Assert.False(fill.IsComplete);
    }

    [Fact]
    public void Depth_size_sums_the_best_levels()
    {
        var book = BuiltBook();

        Assert.Equal(3m, book.Bids.DepthSize(2));
        Assert.Equal(7m, book.Asks.DepthSize(10));
    }

    [Fact]
    public void Many_inserts_grow_the_side_beyond_its_initial_capacity()
    {
        var book = new OrderBook("BTCUSDT", MarketCategory.Linear, 1);
        book.ApplySnapshot([L(1000m, 1)], [L(2000m, 1)], 1, 0, 0);
        var bids = Enumerable.Range(1, 300).Select(i => L(1000m - i, i)).ToArray();

        Assert.Equal(BookUpdateResult.Applied, book.ApplyDelta(bids, [], 2, 0, 0));

        Assert.Equal(301, book.Bids.Count);
        Assert.Equal(1000m, book.Bids[0].Price);
        Assert.Equal(700m, book.Bids[300].Price);
    }

    [Fact]
    public void Prices_written_with_different_trailing_zeros_are_the_same_level()
    {
        var book = new OrderBook("BTCUSDT", MarketCategory.Spot, 50);
        book.ApplySnapshot([L(75845.4m, 1)], [L(75846m, 1)], 1, 0, 0);

        book.ApplyDelta([L(75845.40m, 2)], [L(75846.000m, 0)], 2, 0, 0);

        Assert.Equal(1, book.Bids.Count);
        Assert.Equal(2m, book.Bids[0].Size);
        Assert.Equal(0, book.Asks.Count);
    }

    [Fact]
    public void Prices_finer_than_ten_decimals_still_sort_and_match()
    {
        var book = new OrderBook("TINYUSDT", MarketCategory.Spot, 50);
        book.ApplySnapshot([L(0.000000000012m, 1), L(0.000000000011m, 2)], [L(0.000000000013m, 1)], 1, 0, 0);

        book.ApplyDelta([L(0.0000000000115m, 5), L(0.000000000011m, 0)], [], 2, 0, 0);

        Assert.Equal([0.000000000012m, 0.0000000000115m], Prices(book.Bids));
        Assert.True(book.IsValid);
    }
}
