namespace Arb.Engine.Backtest;

/// <summary>
/// The hindsight oracle's best result (see <see cref="HindsightOracle"/>): net PnL after fees and funding, the round
/// trips it took, and the per-symbol parts.
/// </summary>
public sealed record OracleFigures(decimal NetPnlUsd, int RoundTrips, IReadOnlyDictionary<string, decimal> NetPnlBySymbol, IReadOnlyDictionary<string, decimal> QuantityBySymbol);
