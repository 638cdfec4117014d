namespace Arb.Engine.Backtest;

/// <summary>
/// Everything a backtest found, as figures (exact decimals for money) and the series its charts draw. Holds nothing
/// that depends on the machine or the wall clock, so the same input and settings give the same report byte for byte.
/// </summary>
/// <param name="Input">What was read.</param>
/// <param name="Settings">The settings the run traded by, name → value as given.</param>
/// <param name="Total">The whole account.</param>
/// <param name="Symbols">Each traded symbol, in symbol order.</param>
/// <param name="Oracle">The hindsight oracle's best result on the same data; null when it was not computed.</param>
/// <param name="RiskStop">The risk limit that stopped trading, with its message; null when none did.</param>
/// <param name="Equity">Account equity sampled every <see cref="EquitySampleMs"/> of data time (and at the end), thinned to at most a few thousand points.</param>
/// <param name="Basis">Each symbol's mid basis in bps at the same moments.</param>
/// <param name="Decisions">Every two-leg trade decided: entries and exits.</param>
public sealed record BacktestReport(
    InputSummary Input,
    IReadOnlyDictionary<string, string> Settings,
    PnlFigures Total,
    IReadOnlyList<PnlFigures> Symbols,
    OracleFigures? Oracle,
    string? RiskStop,
    long EquitySampleMs,
    IReadOnlyList<EquityPoint> Equity,
    IReadOnlyList<BasisPoint> Basis,
    IReadOnlyList<DecisionMark> Decisions)
{
    /// <summary>The share of the oracle's net PnL the run made; null without an oracle or when it found nothing to take.</summary>
    public decimal? ShareOfOracle => Oracle is { NetPnlUsd: > 0m } oracle ? Math.Round(Total.NetPnlUsd / oracle.NetPnlUsd, 6) : null;
}
