namespace Arb.Engine.State;

/// <summary>
/// What <see cref="StateStore.Load"/> found: the snapshot to resume (null on a first start), which file it came
/// from, and, when that is the backup, what was wrong with the main file. The caller alerts when
/// <see cref="UsedBackup"/>: the newest snapshot was lost (a bad main file) or never completed (killed mid-save).
/// </summary>
public sealed record StateLoadResult(StateSource Source, BotState? State, StateFileIssue? MainIssue)
{
    public bool UsedBackup => Source == StateSource.Backup;
}
