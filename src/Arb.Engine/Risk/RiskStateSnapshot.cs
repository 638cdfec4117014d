namespace Arb.Engine.Risk;

/// <summary>
/// What the risk manager carries across restarts (written into the state file by its owner): the peaks, so the
/// trailing drawdowns keep their reference; the UTC day and the PnL at its start, so a restart mid-day does not
/// reset the daily loss; the losing streak; a daily pause in force; and a stop, which a restart must not undo.
/// </summary>
public sealed record RiskStateSnapshot(
    decimal PeakPnlUsd,
    IReadOnlyDictionary<string, decimal> SymbolPeakPnlUsd,
    DateOnly? Day,
    decimal DayStartPnlUsd,
    int ConsecutiveLosses,
    RiskPause? DailyPause,
    RiskStop? Stop)
{
    /// <summary>Nothing recorded yet (a first or fresh start).</summary>
    public static RiskStateSnapshot Empty { get; } = new(0m, new Dictionary<string, decimal>(), null, 0m, 0, null, null);
}
