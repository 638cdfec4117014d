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
    private readonly Dictionary<long, decimal> _bidSizes = [];
    private readonly Dictionary<long, decimal> _askSizes = [];
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

    /// <summary>Rebuilds both sides around <paramref name="mid"/>; <paramref name="random"/> resamples some sizes.</summary>
    internal void Rebuild(double mid, SplitMix random)
    {
        var tick = (double)TickSize;
        var center = mid / tick;

        // One or two ticks of spread, never crossed.
        var bestBid = (long)Math.Floor(center - 0.5);
        var bestAsk = Math.Max(bestBid + 1, (long)Math.Ceiling(center + 0.5));
        Bids.Replace(Side(bestBid, -1, _bidSizes, random));
        Asks.Replace(Side(bestAsk, +1, _askSizes, random));
        Sequence++;
    }

    private List<(long Ticks, decimal Size)> Side(long best, int direction, Dictionary<long, decimal> sizes, SplitMix random)
    {
        var levels = new List<(long, decimal)>(_levels);
        var seen = new HashSet<long>();
        for (var ticks = best; levels.Count < _levels && ticks > 0; ticks += direction)
        {
            // The top level always exists; deeper ones at about 70 % of the ticks, fixed per price.
            var depth = levels.Count;
            if (depth > 0 && SplitMix.Hash((ulong)ticks ^ _salt ^ (direction > 0 ? 0xA5A5UL : 0x5A5AUL)) % 10 >= 7)
            {
                continue;
            }

            if (!sizes.TryGetValue(ticks, out var size) || random.NextDouble() < 0.04)
            {
                size = NewSize(depth, random);
                sizes[ticks] = size;
            }

            levels.Add((ticks, size));
            seen.Add(ticks);
        }

        // Forget sizes of prices that left the window so memory stays bounded.
        if (sizes.Count > _levels * 3)
        {
            foreach (var stale in sizes.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                sizes.Remove(stale);
            }
        }

        return levels;
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
