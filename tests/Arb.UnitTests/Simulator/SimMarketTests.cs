using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.UnitTests.Simulator;

public sealed class SimMarketTests
{
    private const long Start = 1_767_225_600_000; // 2026-01-01 00:00 UTC, a funding boundary

    private static SimMarket Market(int seed, TimeSpan? funding = null) =>
        new([SimInstrument.Btc, SimInstrument.Eth], new SimMarketOptions { Seed = seed, FundingInterval = funding ?? TimeSpan.FromHours(8) }, Start);

    private static string Fingerprint(SimMarket market) => string.Join(
        ';',
        market.Symbols.Select(s =>
            $"{s.Instrument.Symbol}:{s.Spot.BestBid}/{s.Spot.BestAsk}:{s.Linear.BestBid}/{s.Linear.BestAsk}:{s.Spot.Bids[3].Size}:{s.FundingRate}"));

    [Fact]
    public void The_same_seed_gives_the_same_market_and_another_seed_does_not()
    {
        var a = Market(7);
        var b = Market(7);
        var c = Market(8);
        for (var step = 1; step <= 500; step++)
        {
            a.Step(Start + (step * 50));
            b.Step(Start + (step * 50));
            c.Step(Start + (step * 50));
        }

        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.NotEqual(Fingerprint(a), Fingerprint(c));
    }

    [Fact]
    public void Books_are_on_tick_never_crossed_and_deep_enough_to_walk()
    {
        var market = Market(1);
        for (var step = 1; step <= 200; step++)
        {
            market.Step(Start + (step * 50));
            foreach (var symbol in market.Symbols)
            {
                foreach (var category in new[] { MarketCategory.Spot, MarketCategory.Linear })
                {
                    var book = symbol.Book(category);
                    Assert.Equal(200, book.Bids.Count);
                    Assert.Equal(200, book.Asks.Count);
                    Assert.True(book.BestBid < book.BestAsk);
                    Assert.Equal(0m, book.BestBid!.Value % book.TickSize);
                    for (var i = 1; i < book.Bids.Count; i++)
                    {
                        Assert.True(book.Bids[i].Ticks < book.Bids[i - 1].Ticks);
                        Assert.True(book.Asks[i].Ticks > book.Asks[i - 1].Ticks);
                        Assert.True(book.Bids[i].Size > 0m && book.Bids[i].Size % book.LotSize == 0m);
                    }
                }
            }
        }

        // A ten-coin BTC order cannot be filled by the top level alone: it walks the book.
        var btc = market.Find("BTCUSDT")!.Linear;
        Assert.True(btc.Asks[0].Size < 10m);
        Assert.True(btc.Asks.Top(200).Sum(l => l.Size) > 10m);
    }

    [Fact]
    public void The_basis_moves_beyond_the_round_trip_fees_now_and_then_and_reverts()
    {
        var market = Market(5);
        var btc = market.Find("BTCUSDT")!;
        var wide = 0;
        var narrow = 0;
        for (var step = 1; step <= 72_000; step++) // one simulated hour at 50 ms
        {
            market.Step(Start + (step * 50));
            var spotMid = (btc.Spot.BestBid!.Value + btc.Spot.BestAsk!.Value) / 2;
            var perpMid = (btc.Linear.BestBid!.Value + btc.Linear.BestAsk!.Value) / 2;
            var bps = Math.Abs((perpMid / spotMid) - 1m) * 10_000m;
            if (bps > 31m)
            {
                wide++;
            }
            else if (bps < 10m)
            {
                narrow++;
            }
        }

        Assert.InRange(wide, 100, 36_000);  // opportunities appear...
        Assert.True(narrow > wide);         // ...and vanish
    }

    [Fact]
    public void Funding_settles_every_interval_with_the_rate_of_that_moment()
    {
        var market = Market(2, TimeSpan.FromSeconds(10));
        var btc = market.Find("BTCUSDT")!;
        Assert.Equal(Start + 10_000, btc.NextFundingTimeMs);
        var settledRates = new List<decimal>();

        for (var step = 1; step <= 700; step++) // 35 s
        {
            var settled = market.Step(Start + (step * 50));
            settledRates.AddRange(settled.Where(s => s.Symbol == "BTCUSDT").Select(s => s.Rate));
        }

        Assert.Equal(3, btc.FundingHistory.Count);
        Assert.Equal([Start + 10_000, Start + 20_000, Start + 30_000], btc.FundingHistory.Select(f => f.TimestampMs));
        Assert.Equal(settledRates, btc.FundingHistory.Select(f => f.Rate));
        Assert.Equal(Start + 40_000, btc.NextFundingTimeMs);
        Assert.All(btc.FundingHistory, f => Assert.InRange(f.Rate, -SimSymbolMarket.FundingCap, SimSymbolMarket.FundingCap));
    }
}
