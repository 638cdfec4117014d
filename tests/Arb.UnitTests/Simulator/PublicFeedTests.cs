using Arb.Bybit.MarketData;
using Arb.Domain.Market;
using Arb.Simulator.Market;
using Arb.Simulator.Streams;

namespace Arb.UnitTests.Simulator;

/// <summary>The simulator's frames, read by the bot's own parser and book, must rebuild the simulator's book exactly.</summary>
public sealed class PublicFeedTests
{
    private const long Start = 1_767_225_600_000;

    [Theory]
    [InlineData(MarketCategory.Spot, 50)]
    [InlineData(MarketCategory.Linear, 50)]
    [InlineData(MarketCategory.Linear, 200)]
    [InlineData(MarketCategory.Spot, 1)]
    public void Snapshot_and_deltas_rebuild_the_simulated_book(MarketCategory category, int depth)
    {
        var market = new SimMarket([SimInstrument.Btc], new SimMarketOptions { Seed = 4 }, Start);
        var feed = new PublicFeed(market, category);
        var subscriber = new StreamSubscriber("test");
        var topic = $"orderbook.{depth}.BTCUSDT";
        Assert.True(feed.Subscribe(subscriber, topic, out var snapshot, out var error), error);
        subscriber.Send(snapshot!);
        var processor = new PublicStreamProcessor(["BTCUSDT"], depth);

        for (var step = 1; step <= 300; step++)
        {
            market.Step(Start + (step * 50));
            feed.Publish(market.NowMs);
            while (subscriber.Outbox.TryRead(out var frame))
            {
                var result = processor.Process(category, frame);
                Assert.True(result.BookChanged, $"step {step}: {result.Outcome} {result.Error}");
            }

            var book = processor.FindBook(category, "BTCUSDT")!;
            var sim = market.Find("BTCUSDT")!.Book(category);
            Assert.True(book.IsValid);
            Assert.Equal(Math.Min(depth, sim.Bids.Count), book.Bids.Count);
            for (var i = 0; i < book.Bids.Count; i++)
            {
                Assert.Equal(sim.Price(sim.Bids[i].Ticks), book.Bids[i].Price);
                Assert.Equal(sim.Bids[i].Size, book.Bids[i].Size);
                Assert.Equal(sim.Price(sim.Asks[i].Ticks), book.Asks[i].Price);
                Assert.Equal(sim.Asks[i].Size, book.Asks[i].Size);
            }
        }
    }

    [Fact]
    public void Ticker_deltas_carry_only_changed_fields_and_merge_to_the_model()
    {
        var market = new SimMarket([SimInstrument.Eth], new SimMarketOptions { Seed = 9 }, Start);
        var feed = new PublicFeed(market, MarketCategory.Linear);
        var subscriber = new StreamSubscriber("test");
        Assert.True(feed.Subscribe(subscriber, "tickers.ETHUSDT", out var snapshot, out _));
        var processor = new PublicStreamProcessor(["ETHUSDT"], 50);
        Assert.Equal(FrameOutcome.Ticker, processor.Process(MarketCategory.Linear, snapshot!).Outcome);
        var snapshotFields = System.Text.Json.JsonDocument.Parse(snapshot!).RootElement.GetProperty("data").EnumerateObject().Count();

        var deltaSizes = new List<int>();
        for (var step = 1; step <= 100; step++)
        {
            market.Step(Start + (step * 50));
            feed.Publish(market.NowMs);
            while (subscriber.Outbox.TryRead(out var frame))
            {
                deltaSizes.Add(System.Text.Json.JsonDocument.Parse(frame).RootElement.GetProperty("data").EnumerateObject().Count());
                Assert.Equal(FrameOutcome.Ticker, processor.Process(MarketCategory.Linear, frame).Outcome);
            }
        }

        var eth = market.Find("ETHUSDT")!;
        var ticker = processor.FindTicker(MarketCategory.Linear, "ETHUSDT")!;
        Assert.Equal(eth.MarkPrice, ticker.MarkPrice);
        Assert.Equal(eth.IndexPrice, ticker.IndexPrice);
        Assert.Equal(eth.FundingRate, ticker.FundingRate);
        Assert.Equal(eth.NextFundingTimeMs, ticker.NextFundingTimeMs);
        Assert.NotEmpty(deltaSizes);
        Assert.All(deltaSizes, n => Assert.InRange(n, 2, snapshotFields - 1));
    }

    [Fact]
    public void Unknown_topics_are_refused_with_bybits_message()
    {
        var market = new SimMarket([SimInstrument.Btc], new SimMarketOptions(), Start);
        var spot = new PublicFeed(market, MarketCategory.Spot);

        Assert.False(spot.Subscribe(new StreamSubscriber("x"), "orderbook.25.BTCUSDT", out _, out var error));
        Assert.Equal("error:handler not found,topic:orderbook.25.BTCUSDT", error);
        Assert.False(spot.Subscribe(new StreamSubscriber("x"), "orderbook.50.DOGEUSDT", out _, out _));
    }

    [Fact]
    public void A_quiet_depth_1_book_resends_its_snapshot_with_the_same_update_id_after_three_seconds()
    {
        var market = new SimMarket([SimInstrument.Btc], new SimMarketOptions { Seed = 4 }, Start);
        var feed = new PublicFeed(market, MarketCategory.Linear);
        var subscriber = new StreamSubscriber("test");
        Assert.True(feed.Subscribe(subscriber, "orderbook.1.BTCUSDT", out _, out _));
        market.Step(Start + 50);
        feed.Publish(market.NowMs);
        Assert.True(subscriber.Outbox.TryRead(out var first));
        var firstU = System.Text.Json.JsonDocument.Parse(first).RootElement.GetProperty("data").GetProperty("u").GetInt64();

        feed.Publish(Start + 2_000);           // nothing changed, less than 3 s: silence
        Assert.False(subscriber.Outbox.TryRead(out _));
        feed.Publish(Start + 3_100);           // nothing changed for 3 s: the same snapshot again
        Assert.True(subscriber.Outbox.TryRead(out var again));
        var root = System.Text.Json.JsonDocument.Parse(again).RootElement;
        Assert.Equal("snapshot", root.GetProperty("type").GetString());
        Assert.Equal(firstU, root.GetProperty("data").GetProperty("u").GetInt64());
    }
}
