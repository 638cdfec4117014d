using System.Text.Json;

namespace Arb.Engine.State;

/// <summary>
/// STATE_FILE and STATE_BACKUP_FILE. A save writes the snapshot to <c>{main}.tmp</c> and flushes it to disk, then
/// renames the main file (when it holds a good snapshot) over the backup, then renames the temp file over the
/// main file, then syncs the directories (Linux). Each rename is atomic, and the main file is only ever replaced by
/// a complete, flushed file, so after a kill between any two of these calls the files hold one of:
/// <list type="bullet">
/// <item>main = previous snapshot (killed while writing the temp file, which is never read);</item>
/// <item>no main, backup = previous snapshot (killed between the two renames);</item>
/// <item>main = new snapshot, backup = previous one (done).</item>
/// </list>
/// Load takes the main file, else the backup, so it always finds the previous or the new snapshot. A main file that
/// is not known good (this process did not write or load it) is read before it may replace the backup: a bad one
/// is moved to <c>{main}.rejected</c> instead, so it never overwrites the last good snapshot and stays for
/// inspection. If the backup is on another file system the first rename becomes copy-then-delete, which keeps
/// the main file until the backup copy is complete: still safe against a kill.
/// </summary>
/// <remarks>
/// Thread-safe: saves run one at a time under one lock. <see cref="Save(Func{BotState})"/> also takes the snapshot
/// under that lock, so concurrent savers (a timer, the fill path) write in the order their snapshots were taken
/// and the file never goes back to an older one. Snapshots are validated before writing: the store never writes
/// a file it would refuse to load.
/// </remarks>
public sealed class StateStore
{
    private readonly Lock _sync = new();
    private bool _mainKnownGood;
    private bool _directoriesReady;

    public StateStore(string mainPath, string backupPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mainPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(backupPath);
        MainPath = Path.GetFullPath(mainPath);
        BackupPath = Path.GetFullPath(backupPath);
        TempPath = MainPath + ".tmp";
        RejectedPath = MainPath + ".rejected";
        string[] others = [BackupPath, TempPath, RejectedPath];
        if (others.Any(p => string.Equals(p, MainPath, StringComparison.Ordinal)) || BackupPath == TempPath || BackupPath == RejectedPath)
        {
            throw new ArgumentException($"the state file {MainPath} and its backup {BackupPath} must be different files, neither the other's .tmp or .rejected");
        }
    }

    public string MainPath { get; }

    public string BackupPath { get; }

    /// <summary>Where a save writes before renaming (same directory as the main file, so the rename is atomic).</summary>
    public string TempPath { get; }

    /// <summary>Where a main file found bad at save time is moved, for inspection.</summary>
    public string RejectedPath { get; }

    /// <summary>Tests: called after each step of a save, to capture the files a kill at that point would leave.</summary>
    internal Action<SaveStep>? AfterStep { get; set; }

    /// <summary>Writes <paramref name="state"/> (taken by the caller). Throws <see cref="StateSaveException"/> on failure.</summary>
    public void Save(BotState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_sync)
        {
            Write(state);
        }
    }

    /// <summary>
    /// Takes the snapshot with <paramref name="capture"/> under the store's lock and writes it, so snapshots from
    /// several threads reach the disk in the order they were taken. <paramref name="capture"/> must be quick.
    /// </summary>
    public void Save(Func<BotState> capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        lock (_sync)
        {
            Write(capture() ?? throw new StateSaveException("the capture returned no snapshot"));
        }
    }

    /// <summary>
    /// The snapshot to resume from: the main file, else the backup (with why the main file was not used), else
    /// nothing when neither exists (first start). Throws <see cref="StateLoadException"/> when files exist but
    /// neither is usable.
    /// </summary>
    public StateLoadResult Load()
    {
        lock (_sync)
        {
            var (main, mainIssue) = StateFileReader.Read(MainPath);
            _mainKnownGood = main is not null;
            if (main is not null)
            {
                return new StateLoadResult(StateSource.Main, main, null);
            }

            var (backup, backupIssue) = StateFileReader.Read(BackupPath);
            if (backup is not null)
            {
                return new StateLoadResult(StateSource.Backup, backup, mainIssue);
            }

            if (mainIssue!.Problem == StateFileProblem.Missing && backupIssue!.Problem == StateFileProblem.Missing)
            {
                return new StateLoadResult(StateSource.None, null, null);
            }

            throw new StateLoadException(mainIssue, backupIssue!);
        }
    }

    private void Write(BotState state)
    {
        if (StateValidator.Problem(state) is { } problem)
        {
            throw new StateSaveException($"not saving an invalid snapshot: {problem}");
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, StateJsonContext.Default.BotState);
        try
        {
            EnsureDirectories();
            WriteTemp(bytes);
            AfterStep?.Invoke(SaveStep.TempWritten);
            KeepMainAsBackup();
            File.Move(TempPath, MainPath, overwrite: true);
            _mainKnownGood = true;
            AfterStep?.Invoke(SaveStep.MainReplaced);
            SyncDirectories();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Whatever step failed, the main file may not be what this process last wrote: check it next time.
            _mainKnownGood = false;
            TryDelete(TempPath);
            throw new StateSaveException($"could not save the state to {MainPath}: {ex.Message}", ex);
        }
    }

    private void WriteTemp(byte[] bytes)
    {
        using var stream = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    private void KeepMainAsBackup()
    {
        if (!_mainKnownGood)
        {
            var (_, issue) = StateFileReader.Read(MainPath);
            if (issue is { Problem: StateFileProblem.Missing })
            {
                return;
            }

            if (issue is not null)
            {
                File.Move(MainPath, RejectedPath, overwrite: true);
                AfterStep?.Invoke(SaveStep.MainRejected);
                return;
            }
        }

        try
        {
            File.Move(MainPath, BackupPath, overwrite: true);
        }
        catch (FileNotFoundException)
        {
            return; // removed behind our back: nothing to keep, and the backup stays as it was
        }

        AfterStep?.Invoke(SaveStep.MainKeptAsBackup);
    }

    private void EnsureDirectories()
    {
        if (_directoriesReady)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(MainPath)!);
        Directory.CreateDirectory(Path.GetDirectoryName(BackupPath)!);
        _directoriesReady = true;
    }

    private void SyncDirectories()
    {
        var mainDirectory = Path.GetDirectoryName(MainPath)!;
        var backupDirectory = Path.GetDirectoryName(BackupPath)!;
        _ = DirectorySync.Flush(mainDirectory);
        if (backupDirectory != mainDirectory)
        {
            _ = DirectorySync.Flush(backupDirectory);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind: the temp file is never read, and the next save truncates it.
        }
    }
}
