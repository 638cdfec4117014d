namespace Arb.Engine.Execution;

/// <summary>
/// The end of a two-leg execution. <see cref="Imbalance"/> is spot filled minus perp filled after hedging, in base
/// coin, counting hedge orders, less the difference the plan itself asked for (a close's legs differ by the fee
/// dust): 0 when hedged; below one lot step is tolerated, anything above was logged.
/// </summary>
public sealed record PairResult(
    PairPlan Plan,
    LegOutcome Spot,
    LegOutcome Perp,
    bool HadImbalance,
    int HedgeOrders,
    decimal Imbalance,
    TimeSpan TimeToHedge);
