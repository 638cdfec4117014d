using Arb.Domain.Market;

namespace Arb.Simulator.Market;

/// <summary>
/// The synthetic order book of one instrument. Each step it is rebuilt around the model's mid price, but a
/// level's presence depends only on its price (a seeded hash) and a level keeps its size until it is resampled,
/// so a small move changes a few levels, as on a real book. Sizes grow with distance from the top, so a large
/// order walks the book.
/// </summary>
public sealed class SimBook
{
    // Sizes remembered per price, direct-mapped by tick (a collision just draws a new size): cheaper than a
    // dictionary on the simulator's hottest loop, and bounded.
    private const int SizeSlots = 4096;
    private readonly long[] _bidSizeTicks = new long[SizeSlots];
    private readonly decimal[] _bidSizes = new decimal[SizeSlots];
    private readonly long[] _askSizeTicks = new long[SizeSlots];
    private readonly decimal[] _askSizes = new decimal[SizeSlots];
    private readonly ulong _salt;
    private readonly int _levels;

    public SimBook(string symbol, MarketCategory category, decimal tickSize, decimal lotSize, decimal typicalSize, int levels, ulong salt)
    {
        Symbol = symbol;
        Category = category;
        TickSize = tickSize;
        LotSize = lotSize;
        TypicalSize = typicalSize;
        _levels = levels;
        _salt = salt;
        Sequence = (long)(salt % 1_000_000_000UL) + 1_000_000_000L; // looks like a long-running exchange sequence
    }

    public string Symbol { get; }

    public MarketCategory Category { get; }

    public decimal TickSize { get; }

    /// <summary>The size granularity (spot base precision, linear quantity step).</summary>
    public decimal LotSize { get; }

    public decimal TypicalSize { get; }

    public SimBookSide Bids { get; } = new();

    public SimBookSide Asks { get; } = new();

    public decimal Price(long ticks) => ticks * TickSize;

    /// <summary>Cross sequence: grows with every rebuild (Bybit <c>seq</c>).</summary>
    public long Sequence { get; private set; }

    public decimal? BestBid => Bids.Count > 0 ? Price(Bids[0].Ticks) : null;

    public decimal? BestAsk => Asks.Count > 0 ? Price(Asks[0].Ticks) : null;

    /// <summary>Sets exact levels by price (best first); the next rebuild replaces them.</summary>
    internal void SetLevels(IEnumerable<(decimal Price, decimal Size)> bids, IEnumerable<(decimal Price, decimal Size)> asks)
    {
        Bids.Set(bids.Select(l => (Ticks(l.Price), l.Size)));
        Asks.Set(asks.Select(l => (Ticks(l.Price), l.Size)));
    }

    /// <summary>The whole number of ticks of an on-tick price.</summary>
    public long Ticks(decimal price) => (long)(price / TickSize);

    /// <summary>Rebuilds both sides around <paramref name="mid"/>; <paramref name="random"/> resamples some sizes.</summary>
    internal void Rebuild(double mid, SplitMix random)
    {
        var tick = (double)TickSize;
        var center = mid / tick;

        // One or two ticks of spread, never crossed.
        var bestBid = (long)Math.Floor(center - 0.5);
        var bestAsk = Math.Max(bestBid + 1, (long)Math.Ceiling(center + 0.5));
        RebuildAround(bestBid, bestAsk, null, null, random);
    }

    /// <summary>Rebuilds both sides from given best prices (recorded quotes), optionally with their top sizes.</summary>
    internal void RebuildAround(long bestBid, long bestAsk, decimal? topBidSize, decimal? topAskSize, SplitMix random)
    {
        Side(Bids, bestBid, -1, _bidSizeTicks, _bidSizes, random);
        Side(Asks, Math.Max(bestAsk, bestBid + 1), +1, _askSizeTicks, _askSizes, random);
        if (topBidSize is { } bidSize && Bids.Count > 0)
        {
            Bids.Set(0, Bids[0].Ticks, RoundToLot(bidSize));
        }

        if (topAskSize is { } askSize && Asks.Count > 0)
        {
            Asks.Set(0, Asks[0].Ticks, RoundToLot(askSize));
        }

        Sequence++;
    }

    /// <summary>The whole tick nearest to <paramref name="price"/>.</summary>
    internal long NearestTicks(decimal price) => (long)Math.Round(price / TickSize, MidpointRounding.AwayFromZero);

    private decimal RoundToLot(decimal size) => Math.Max(1m, Math.Round(size / LotSize, MidpointRounding.AwayFromZero)) * LotSize;

    private void Side(SimBookSide side, long best, int direction, long[] sizeTicks, decimal[] sizes, SplitMix random)
    {
        side.Clear();
        var sideSalt = _salt ^ (direction > 0 ? 0xA5A5UL : 0x5A5AUL);
        for (var ticks = best; side.Count < _levels && ticks > 0; ticks += direction)
        {
            // The top level always exists; deeper ones at about 70 % of the ticks, fixed per price.
            var depth = side.Count;
            if (depth > 0 && SplitMix.Hash((ulong)ticks ^ sideSalt) % 10 >= 7)
            {
                continue;
            }

            var slot = (int)(ticks & (SizeSlots - 1));
            if (sizeTicks[slot] != ticks || random.NextDouble() < 0.04)
            {
                sizeTicks[slot] = ticks;
                sizes[slot] = NewSize(depth, random);
            }

            side.Add(ticks, sizes[slot]);
        }
    }

    private decimal NewSize(int depth, SplitMix random)
    {
        // Log-normal around a size that grows with depth; at least one lot.
        var typical = (double)TypicalSize * (0.3 + (depth * 0.08));
        var size = typical * Math.Exp((0.8 * random.NextGaussian()) - 0.32);
        var lots = Math.Max(1m, Math.Round((decimal)size / LotSize, MidpointRounding.AwayFromZero));
        return lots * LotSize;
    }
}
