namespace Arb.Engine.State;

/// <summary>The steps of a save, in order, at which a crash leaves the files in a distinct state (tests observe each).</summary>
internal enum SaveStep
{
    /// <summary>The new snapshot is complete in the temp file and flushed to disk; main and backup untouched.</summary>
    TempWritten,

    /// <summary>The main file, found bad, was moved aside for inspection; the backup still holds the last good snapshot.</summary>
    MainRejected,

    /// <summary>The main file became the backup: no main file until the next step.</summary>
    MainKeptAsBackup,

    /// <summary>The temp file became the main file: the save is done (the directory sync follows).</summary>
    MainReplaced,
}
