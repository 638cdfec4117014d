using Arb.Engine.Execution;

namespace Arb.Engine.Backtest;

/// <summary>A two-leg trade the engine decided: when, which symbol, open or close, its net edge and the mid basis then.</summary>
public readonly record struct DecisionMark(long TimeMs, string Symbol, PairKind Kind, decimal Quantity, decimal EdgeBps, double BasisBps);
