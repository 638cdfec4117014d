namespace Arb.Simulator.Market;

/// <summary>How the synthetic market behaves. The same seed and the same number of steps give the same market.</summary>
public sealed record SimMarketOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Time between two market steps (each step may move prices and books).</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often funding settles (Bybit: 8 h for BTCUSDT and ETHUSDT).</summary>
    public TimeSpan FundingInterval { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Price levels kept per side of every book (the deepest subscription Bybit offers here is 200).</summary>
    public int BookLevels { get; init; } = 200;

    /// <summary>Annualised volatility of the shared price process.</summary>
    public double AnnualVolatility { get; init; } = 0.6;

    /// <summary>Half-life of the perp basis returning to its mean.</summary>
    public TimeSpan BasisHalfLife { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Noise of the basis, in basis points per square-root second.</summary>
    public double BasisNoiseBps { get; init; } = 1.5;

    /// <summary>Mean number of dislocations per hour: the basis jumps beyond the round-trip fees and reverts.</summary>
    public double DislocationsPerHour { get; init; } = 60;

    /// <summary>Typical size of a dislocation, in basis points (round-trip taker fees are about 31 bps).</summary>
    public double DislocationBps { get; init; } = 45;
}
