namespace Arb.Cli.Replay;

/// <summary>Counts of what a replay met.</summary>
public sealed class ReplaySummary
{
    public int Lines { get; set; }

    public int Rows { get; set; }

    public int Gaps { get; set; }

    public int Resets { get; set; }

    public int SkippedWhileStale { get; set; }

    public int Malformed { get; set; }
}
