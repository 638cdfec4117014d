namespace Arb.Engine.Recovery;

/// <summary>What start-up reconciliation found: differences with the exchange (alerted), notes (logged), counts.</summary>
public sealed class ReconciliationReport
{
    private readonly List<string> _differences = [];
    private readonly List<string> _notes = [];

    /// <summary>Where the exchange disagreed with the saved state, and what was done about it.</summary>
    public IReadOnlyList<string> Differences => _differences;

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>trades.csv rows booked after the last snapshot, replayed into the portfolio.</summary>
    public int Replayed { get; set; }

    /// <summary>Fills found only in the venue's history, booked and written to trades.csv now.</summary>
    public int Recovered { get; set; }

    public int RecoveredFunding { get; set; }

    internal void Difference(string text) => _differences.Add(text);

    internal void Note(string text) => _notes.Add(text);
}
