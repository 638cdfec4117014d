using Arb.Domain.Market;

namespace Arb.Cli.Import;

/// <summary>Rows written for one market (symbol and category): count, time span and gaps over one second.</summary>
public sealed class MarketStats(string symbol, MarketCategory category)
{
    /// <summary>A pause between two rows of a market longer than this is reported as a gap.</summary>
    public const long GapThresholdMs = 1_000;

    public string Symbol { get; } = symbol;

    public MarketCategory Category { get; } = category;

    public long Rows { get; private set; }

    public long FirstMs { get; private set; }

    public long LastMs { get; private set; }

    public long Gaps { get; private set; }

    public long LargestGapMs { get; private set; }

    /// <summary>Time of the last row before the largest gap.</summary>
    public long LargestGapFromMs { get; private set; }

    public long FundedRows { get; set; }

    public void Add(long timeMs)
    {
        if (Rows == 0)
        {
            FirstMs = timeMs;
        }
        else
        {
            var gap = timeMs - LastMs;
            if (gap > GapThresholdMs)
            {
                Gaps++;
                if (gap > LargestGapMs)
                {
                    LargestGapMs = gap;
                    LargestGapFromMs = LastMs;
                }
            }
        }

        LastMs = timeMs;
        Rows++;
    }
}
