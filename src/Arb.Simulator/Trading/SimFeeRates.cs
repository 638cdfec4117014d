namespace Arb.Simulator.Trading;

/// <summary>Taker and maker fee rates of one category (fractions: 0.001 is 0.1 %).</summary>
public sealed record SimFeeRates(decimal Taker, decimal Maker)
{
    /// <summary>Bybit VIP 0 spot: 0.1 % both ways.</summary>
    public static SimFeeRates SpotDefault { get; } = new(0.001m, 0.001m);

    /// <summary>Bybit VIP 0 perpetuals: 0.055 % taker, 0.02 % maker.</summary>
    public static SimFeeRates LinearDefault { get; } = new(0.00055m, 0.0002m);

    public decimal For(bool isMaker) => isMaker ? Maker : Taker;
}
