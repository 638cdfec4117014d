namespace Arb.Engine.Paper;

/// <summary>
/// The paper account and its fee schedule. Fee rates are fractions of the traded value (0.001 = 0.1 %), charged as
/// a taker on every fill: every paper order takes liquidity. <see cref="StartingBalances"/> is the wallet per coin
/// (e.g. USDT 10000, BTC 0); coins not listed start at zero.
/// </summary>
public sealed record PaperVenueOptions
{
    /// <summary>The default number of levels per side copied from each live book.</summary>
    public const int DefaultBookDepth = 50;

    public required IReadOnlyDictionary<string, decimal> StartingBalances { get; init; }

    /// <summary>Spot taker rate (Bybit's default 0.001).</summary>
    public decimal SpotTakerFeeRate { get; init; }

    /// <summary>Linear perpetual taker rate (Bybit's default 0.00055).</summary>
    public decimal PerpTakerFeeRate { get; init; }

    /// <summary>Levels per side copied from each book update: the depth a paper order can walk.</summary>
    public int BookDepth { get; init; } = DefaultBookDepth;

    /// <summary>The coin linear contracts settle in: their PnL and fees move it.</summary>
    public string SettleCoin { get; init; } = "USDT";

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(StartingBalances);
        ArgumentOutOfRangeException.ThrowIfNegative(SpotTakerFeeRate);
        ArgumentOutOfRangeException.ThrowIfNegative(PerpTakerFeeRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(BookDepth, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(SettleCoin);
        foreach (var (coin, amount) in StartingBalances)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(coin, nameof(StartingBalances));
            ArgumentOutOfRangeException.ThrowIfNegative(amount, nameof(StartingBalances));
        }
    }
}
