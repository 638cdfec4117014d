namespace Arb.Engine.Backtest;

/// <summary>
/// What a run read: the files, the rows used per market (<c>BTCUSDT spot</c>, <c>BTCUSDT linear</c>), rows left out
/// (other symbols, outside --from/--to), bad rows skipped by reason, and the data's time span.
/// </summary>
public sealed record InputSummary(
    IReadOnlyList<string> Files,
    long RowsRead,
    IReadOnlyDictionary<string, long> RowsByMarket,
    long RowsOtherSymbols,
    long RowsOutsideWindow,
    IReadOnlyDictionary<string, long> BadRowsSkipped,
    long? FirstTimeMs,
    long? LastTimeMs);
