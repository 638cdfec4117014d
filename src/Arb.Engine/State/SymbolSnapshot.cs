namespace Arb.Engine.State;

/// <summary>
/// One symbol's booked state. <paramref name="BookedExecIds"/> are the latest exec ids (fills and funding) booked
/// into this position, oldest first. They are captured under the same lock as the position, so the two always
/// agree: after a restart a replayed execution is skipped when, and only when, the restored position includes it.
/// </summary>
public sealed record SymbolSnapshot(
    string Symbol,
    LegSnapshot Spot,
    LegSnapshot Perp,
    decimal FeesUsd,
    decimal FundingUsd,
    ThrottleSnapshot Throttle,
    IReadOnlyList<string> BookedExecIds);
