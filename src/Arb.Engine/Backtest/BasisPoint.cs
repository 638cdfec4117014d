namespace Arb.Engine.Backtest;

/// <summary>One symbol's basis (perp mid over spot mid, in bps) at a moment of data time.</summary>
public readonly record struct BasisPoint(long TimeMs, string Symbol, double BasisBps);
