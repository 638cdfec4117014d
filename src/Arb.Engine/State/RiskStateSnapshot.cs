namespace Arb.Engine.State;

/// <summary>
/// The risk manager's section of the state file, which it alone fills: the session's and each symbol's peak PnL
/// (for drawdown limits), the UTC day and the PnL at its start (daily loss limit), consecutive losing trades
/// session-wide and per symbol, recent error times (Unix ms, for an error-rate breaker), and why trading was
/// halted, if it was, so a restart does not silently resume.
/// </summary>
public sealed record RiskStateSnapshot(
    decimal SessionPeakPnl,
    IReadOnlyDictionary<string, decimal> SymbolPeakPnl,
    DateOnly? Day,
    decimal DayStartPnl,
    int ConsecutiveLosses,
    IReadOnlyDictionary<string, int> SymbolConsecutiveLosses,
    IReadOnlyList<long> ErrorTimesMs,
    string? HaltReason)
{
    /// <summary>Nothing recorded yet (a fresh start).</summary>
    public static RiskStateSnapshot Empty { get; } = new(
        0m, new Dictionary<string, decimal>(), null, 0m, 0, new Dictionary<string, int>(), [], null);
}
