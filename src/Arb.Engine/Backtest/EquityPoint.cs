namespace Arb.Engine.Backtest;

/// <summary>The account's equity at a moment of data time, and how far it stood below its peak so far.</summary>
public readonly record struct EquityPoint(long TimeMs, decimal EquityUsd, decimal DrawdownUsd);
