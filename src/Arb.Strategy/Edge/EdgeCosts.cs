namespace Arb.Strategy.Edge;

/// <summary>
/// The costs an edge is net of: the account's taker fee rates on each leg (fractions, e.g. 0.001), and what is
/// needed to project funding over the holding horizon (the perp's current rate, its next settlement and interval).
/// </summary>
public readonly record struct EdgeCosts(
    decimal SpotTakerFee,
    decimal PerpTakerFee,
    decimal? FundingRate,
    long? NextFundingTimeMs,
    long FundingIntervalMs,
    long HoldingHorizonMs)
{
    /// <summary>How many funding settlements fall within the horizon starting at <paramref name="nowMs"/>.</summary>
    public int SettlementsWithin(long nowMs)
    {
        if (NextFundingTimeMs is not { } next || FundingIntervalMs <= 0 || next > nowMs + HoldingHorizonMs)
        {
            return 0;
        }

        var first = Math.Max(next, nowMs); // a settlement time already passed counts once, as the imminent one
        return 1 + (int)((nowMs + HoldingHorizonMs - first) / FundingIntervalMs);
    }
}
