using System.Text;
using Arb.Bybit.MarketData;
using Arb.Domain.Books;
using Arb.Domain.Market;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.MarketData;

public sealed class PublicStreamProcessorTests
{
    private readonly PublicStreamProcessor _processor = new(["BTCUSDT"], depth: 50);

    private FrameResult Feed(MarketCategory category, string json) => _processor.Process(category, Encoding.UTF8.GetBytes(json));

    private FrameResult FeedFixture(MarketCategory category, string name) =>
        _processor.Process(category, FixtureFiles.BybitBytes(name));

    private static string Delta(long u, string bids = "[]", string asks = "[]", string symbol = "BTCUSDT") =>
        $$$"""{"topic":"orderbook.50.{{{symbol}}}","type":"delta","ts":{{{1000 + u}}},"data":{"s":"{{{symbol}}}","b":{{{bids}}},"a":{{{asks}}},"u":{{{u}}},"seq":{{{u}}}}}""";

    private static string Snapshot(long u, string bids, string asks) =>
        $$$"""{"topic":"orderbook.50.BTCUSDT","type":"snapshot","ts":{{{1000 + u}}},"data":{"s":"BTCUSDT","b":{{{bids}}},"a":{{{asks}}},"u":{{{u}}},"seq":{{{u}}}}}""";

    [Fact]
    public void Recorded_linear_snapshot_then_delta_build_the_expected_book()
    {
        var snapshot = FeedFixture(MarketCategory.Linear, "ws_orderbook_linear_snapshot.thirdparty.json");
        var delta = FeedFixture(MarketCategory.Linear, "ws_orderbook_linear_delta.thirdparty.json");

        Assert.Equal(FrameOutcome.BookSnapshot, snapshot.Outcome);
        Assert.Equal(FrameOutcome.BookDelta, delta.Outcome);
        var book = delta.Book!;
        Assert.True(book.IsValid);
        Assert.Equal(10132541, book.UpdateId);
        Assert.True(book.TryGetTop(out var bid, out var ask));
        Assert.Equal(new PriceLevel(71423.80m, 0.557m), bid);
        Assert.Equal(new PriceLevel(71423.90m, 4.669m), ask);
        // The delta deleted 71419.80 and set 71418.20 to 0.159 (was 0.161).
        Assert.DoesNotContain(Enumerable.Range(0, book.Bids.Count), i => book.Bids[i].Price == 71419.80m);
        Assert.Contains(Enumerable.Range(0, book.Bids.Count), i => book.Bids[i] == new PriceLevel(71418.20m, 0.159m));
        Assert.Same(book, _processor.FindBook(MarketCategory.Linear, "BTCUSDT"));
        Assert.NotSame(book, _processor.FindBook(MarketCategory.Spot, "BTCUSDT"));
    }

    [Fact]
    public void Recorded_spot_snapshot_then_delta_build_the_expected_book()
    {
        FeedFixture(MarketCategory.Spot, "ws_orderbook_spot_snapshot.gocryptotrader.json");
        var delta = FeedFixture(MarketCategory.Spot, "ws_orderbook_spot_delta.gocryptotrader.json");

        Assert.Equal(FrameOutcome.BookDelta, delta.Outcome);
        Assert.True(delta.Book!.TryGetTop(out var bid, out var ask));
        Assert.Equal(new PriceLevel(75848.74m, 0.067669m), bid);
        Assert.Equal(new PriceLevel(75848.75m, 0.747137m), ask);
        Assert.Equal(50, delta.Book.Bids.Count); // one level added (75848.62), one deleted (75837.13)
    }

    [Fact]
    public void A_gap_is_reported_with_the_expected_and_received_ids_and_needs_a_resync()
    {
        Feed(MarketCategory.Linear, Snapshot(100, """[["10","1"]]""", """[["11","1"]]"""));

        var gap = Feed(MarketCategory.Linear, Delta(102));

        Assert.Equal(FrameOutcome.BookGap, gap.Outcome);
        Assert.True(gap.NeedsResync);
        Assert.False(gap.BookChanged);
        Assert.Equal(101, gap.ExpectedUpdateId);
        Assert.Equal(102, gap.ReceivedUpdateId);
        Assert.Equal(BookState.Stale, gap.Book!.State);
        Assert.Equal(FrameOutcome.BookNotValid, Feed(MarketCategory.Linear, Delta(103)).Outcome);
        Assert.Equal(FrameOutcome.BookSnapshot, Feed(MarketCategory.Linear, Snapshot(200, """[["10","1"]]""", """[["11","1"]]""")).Outcome);
        Assert.Equal(FrameOutcome.BookDelta, Feed(MarketCategory.Linear, Delta(201)).Outcome);
    }

    [Fact]
    public void A_delta_with_u_1_resets_the_book_even_when_it_was_stale()
    {
        Feed(MarketCategory.Linear, Snapshot(100, """[["10","1"],["9","1"]]""", """[["11","1"]]"""));
        Feed(MarketCategory.Linear, Delta(105)); // gap: stale

        var reset = Feed(MarketCategory.Linear, Delta(1, bids: """[["8","2"]]""", asks: """[["12","3"]]"""));

        Assert.Equal(FrameOutcome.BookReset, reset.Outcome);
        Assert.True(reset.BookChanged);
        var book = reset.Book!;
        Assert.True(book.IsValid);
        Assert.Equal(1, book.Bids.Count); // overwritten, not merged
        Assert.Equal(new PriceLevel(8m, 2m), book.Bids[0]);
        Assert.Equal(new PriceLevel(12m, 3m), book.Asks[0]);
        Assert.Equal(FrameOutcome.BookDelta, Feed(MarketCategory.Linear, Delta(2)).Outcome);
    }

    [Fact]
    public void A_crossing_delta_needs_a_resync()
    {
        Feed(MarketCategory.Spot, Snapshot(100, """[["10","1"]]""", """[["11","1"]]"""));

        var crossed = Feed(MarketCategory.Spot, Delta(101, bids: """[["11.5","1"]]"""));

        Assert.Equal(FrameOutcome.BookCrossed, crossed.Outcome);
        Assert.True(crossed.NeedsResync);
    }

    [Fact]
    public void A_lost_connection_makes_every_book_of_that_category_stale()
    {
        Feed(MarketCategory.Spot, Snapshot(1, """[["10","1"]]""", """[["11","1"]]"""));
        Feed(MarketCategory.Linear, Snapshot(1, """[["10","1"]]""", """[["11","1"]]"""));

        _processor.MarkCategoryStale(MarketCategory.Spot, "connection lost");

        Assert.False(_processor.FindBook(MarketCategory.Spot, "BTCUSDT")!.IsValid);
        Assert.True(_processor.FindBook(MarketCategory.Linear, "BTCUSDT")!.IsValid);
        Assert.Equal(FrameOutcome.BookNotValid, Feed(MarketCategory.Spot, Delta(2)).Outcome);
    }

    [Fact]
    public void Untracked_symbols_are_ignored_unless_tracking_is_on()
    {
        Assert.Equal(FrameOutcome.Ignored, Feed(MarketCategory.Linear, Delta(1, symbol: "ETHUSDT")).Outcome);

        var replay = new PublicStreamProcessor([], 50, trackUnknownSymbols: true);
        var result = replay.Process(MarketCategory.Linear, Encoding.UTF8.GetBytes(Delta(1, bids: """[["1","1"]]""", symbol: "ETHUSDT")));

        Assert.Equal(FrameOutcome.BookReset, result.Outcome);
        Assert.Equal("ETHUSDT", result.Book!.Symbol);
    }

    [Fact]
    public void Ticker_deltas_merge_into_the_snapshot()
    {
        var snapshot = FeedFixture(MarketCategory.Linear, "ws_tickers_linear_snapshot.gocryptotrader.json");
        var delta = FeedFixture(MarketCategory.Linear, "ws_tickers_linear_delta.gocryptotrader.json");

        Assert.Equal(FrameOutcome.Ticker, snapshot.Outcome);
        var ticker = delta.Ticker!;
        Assert.Same(ticker, _processor.FindTicker(MarketCategory.Linear, "BTCUSDT"));
        Assert.True(ticker.HasSnapshot);
        Assert.Equal(61875.06m, ticker.MarkPrice);        // from the delta
        Assert.Equal(61903.59m, ticker.IndexPrice);       // from the delta
        Assert.Equal(0.00008055m, ticker.FundingRate);    // kept from the snapshot
        Assert.Equal(1715760000000, ticker.NextFundingTimeMs);
        Assert.Equal(61874.00m, ticker.Ask1Price);        // kept
        Assert.Equal(61873.90m, ticker.Bid1Price);
        Assert.Equal(1715748763063, ticker.TimestampMs);
    }

    [Fact]
    public void Heartbeats_acks_and_garbage_are_classified()
    {
        Assert.Equal(FrameOutcome.Pong, FeedFixture(MarketCategory.Linear, "ws_pong_public_linear.docs.json").Outcome);
        Assert.Equal(FrameOutcome.CommandAck, FeedFixture(MarketCategory.Spot, "ws_subscribe_response_public_spot.docs.json").Outcome);
        var garbage = Feed(MarketCategory.Spot, "{{{");
        Assert.Equal(FrameOutcome.Malformed, garbage.Outcome);
        Assert.False(garbage.IsQuote);
        Assert.NotNull(garbage.Error);
    }
}
