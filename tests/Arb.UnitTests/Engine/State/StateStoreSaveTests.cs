using Arb.Engine.State;

namespace Arb.UnitTests.Engine.State;

public sealed class StateStoreSaveTests : IDisposable
{
    private readonly StateDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Json(StateLoadResult result) => StateSamples.Json(result.State!);

    [Fact]
    public void A_save_writes_the_main_file_and_keeps_the_previous_snapshot_as_the_backup()
    {
        var store = _dir.Store();

        store.Save(StateSamples.Create(1));
        Assert.True(File.Exists(_dir.Main));
        Assert.False(File.Exists(_dir.Backup));
        store.Save(StateSamples.Create(2));
        store.Save(StateSamples.Create(3));

        Assert.Equal(StateSamples.Json(StateSamples.Create(3)), File.ReadAllText(_dir.Main));
        Assert.Equal(StateSamples.Json(StateSamples.Create(2)), File.ReadAllText(_dir.Backup));
        Assert.False(File.Exists(store.TempPath));
        var loaded = _dir.Store().Load();
        Assert.Equal(StateSource.Main, loaded.Source);
        Assert.Equal(StateSamples.Json(StateSamples.Create(3)), Json(loaded));
    }

    [Fact]
    public void A_backup_in_another_directory_works_the_same()
    {
        var backup = Path.Combine(_dir.Root, "elsewhere", "deeper", "state.bak.json");
        var store = new StateStore(_dir.Main, backup);

        store.Save(StateSamples.Create(1));
        store.Save(StateSamples.Create(2));

        Assert.Equal(StateSamples.Json(StateSamples.Create(1)), File.ReadAllText(backup));
        File.WriteAllText(_dir.Main, "{\"schemaVersion\": 1, \"sa");
        Assert.Equal(StateSamples.Json(StateSamples.Create(1)), Json(new StateStore(_dir.Main, backup).Load()));
    }

    [Fact]
    public void A_bad_main_file_never_replaces_the_good_backup_and_is_kept_aside_for_inspection()
    {
        var good = StateSamples.Create(1);
        _dir.Write(_dir.Backup, StateSamples.Bytes(good));
        _dir.Write(_dir.Main, "{\"schemaVersion\": 1, \"sym");
        var store = _dir.Store();
        var loaded = store.Load();
        Assert.Equal(StateSource.Backup, loaded.Source);

        store.Save(StateSamples.Create(2));

        Assert.Equal(StateSamples.Json(good), File.ReadAllText(_dir.Backup));
        Assert.Equal(StateSamples.Json(StateSamples.Create(2)), File.ReadAllText(_dir.Main));
        Assert.Equal("{\"schemaVersion\": 1, \"sym", File.ReadAllText(store.RejectedPath));

        store.Save(StateSamples.Create(3)); // now the main file is this process's own: it becomes the backup
        Assert.Equal(StateSamples.Json(StateSamples.Create(2)), File.ReadAllText(_dir.Backup));
    }

    [Fact]
    public void A_new_process_checks_a_main_file_it_did_not_load_before_keeping_it_as_the_backup()
    {
        var good = StateSamples.Create(1);
        _dir.Write(_dir.Backup, StateSamples.Bytes(good));
        _dir.Write(_dir.Main, "garbage");

        _dir.Store().Save(StateSamples.Create(2)); // as after --fresh-start: no load before the first save

        Assert.Equal(StateSamples.Json(good), File.ReadAllText(_dir.Backup));
        Assert.Equal(StateSource.Main, _dir.Store().Load().Source);
    }

    [Fact]
    public void An_invalid_snapshot_is_refused_and_nothing_on_disk_changes()
    {
        var store = _dir.Store();
        store.Save(StateSamples.Create(1));
        store.Save(StateSamples.Create(2));
        var before = (File.ReadAllText(_dir.Main), File.ReadAllText(_dir.Backup));
        var bad = StateSamples.Create(3);
        bad = bad with { Symbols = [bad.Symbols[0] with { Spot = bad.Symbols[0].Spot with { Quantity = 99m } }] };

        Assert.Throws<StateSaveException>(() => store.Save(bad));
        Assert.Throws<StateSaveException>(() => store.Save(StateSamples.Create(3) with { SchemaVersion = 2 }));

        Assert.Equal(before, (File.ReadAllText(_dir.Main), File.ReadAllText(_dir.Backup)));
    }

    [Fact]
    public void A_failed_write_is_reported_and_leaves_the_saved_snapshots_as_they_were()
    {
        var store = _dir.Store();
        store.Save(StateSamples.Create(1));
        store.Save(StateSamples.Create(2));
        var before = (File.ReadAllText(_dir.Main), File.ReadAllText(_dir.Backup));
        Directory.CreateDirectory(store.TempPath); // the temp file cannot be created: like a full disk or no permission

        var error = Assert.Throws<StateSaveException>(() => store.Save(StateSamples.Create(3)));

        Assert.Contains(store.MainPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (File.ReadAllText(_dir.Main), File.ReadAllText(_dir.Backup)));
        Directory.Delete(store.TempPath);
        store.Save(StateSamples.Create(3)); // recovers once the cause is gone
        Assert.Equal(StateSamples.Json(StateSamples.Create(2)), File.ReadAllText(_dir.Backup));
    }

    [Fact]
    public void On_linux_the_directory_is_synced_through_libc()
    {
        Assert.Equal(OperatingSystem.IsLinux(), DirectorySync.Flush(_dir.Root));
        Assert.False(DirectorySync.Flush(Path.Combine(_dir.Root, "no-such-directory")));
    }

    [Fact]
    public void Main_backup_and_temp_must_be_different_files()
    {
        Assert.Throws<ArgumentException>(() => new StateStore(_dir.Main, _dir.Main));
        Assert.Throws<ArgumentException>(() => new StateStore(_dir.Main, _dir.Main + ".tmp"));
        Assert.Throws<ArgumentException>(() => new StateStore(_dir.Main, Path.Combine(_dir.Root, "logs", "..", "logs", "state.json")));
    }

    /// <summary>
    /// A kill can stop a save between any two steps. Each step's file state is copied as it stands (with the temp
    /// file holding garbage, as a kill mid-write would leave it), then loaded by a fresh store: it must load, and
    /// hold either the snapshot before this save or the one being saved. Likewise starting from a bad main file.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_kill_at_any_step_of_any_save_leaves_the_previous_or_the_new_snapshot_loadable(bool startFromBadMain)
    {
        var store = _dir.Store();
        var crashes = Path.Combine(_dir.Root, "crashes");
        var steps = new List<(string Directory, SaveStep Step, int Sequence)>();
        var sequence = 0;
        store.AfterStep = step =>
        {
            var copy = Path.Combine(crashes, steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            CopyFiles(store, copy);
            steps.Add((copy, step, sequence));
        };
        if (startFromBadMain)
        {
            _dir.Write(_dir.Backup, StateSamples.Bytes(StateSamples.Create(0)));
            _dir.Write(_dir.Main, "{\"schema");
            Assert.Equal(StateSource.Backup, store.Load().Source);
        }

        for (sequence = 1; sequence <= 4; sequence++)
        {
            var before = Path.Combine(crashes, $"before-{sequence}");
            CopyFiles(store, before);
            steps.Add((before, (SaveStep)(-1), sequence));
            store.Save(StateSamples.Create(sequence));
        }

        foreach (var (directory, step, saving) in steps)
        {
            var crashed = new StateStore(Path.Combine(directory, "state.json"), Path.Combine(directory, "state.bak.json"));
            var result = crashed.Load();
            if (saving == 1 && !startFromBadMain && result.Source == StateSource.None)
            {
                continue; // killed during the very first save: a first start
            }

            Assert.NotNull(result.State);
            var loaded = StateSamples.Json(result.State);
            Assert.True(
                loaded == StateSamples.Json(StateSamples.Create(saving - 1)) || loaded == StateSamples.Json(StateSamples.Create(saving)),
                $"a kill after {step} of save {saving} loaded a snapshot from {result.State.SavedAt}");
        }

        Assert.Contains(steps, s => s.Step == SaveStep.MainKeptAsBackup);
        Assert.Contains(steps, s => s.Step == SaveStep.MainReplaced);
        Assert.Equal(startFromBadMain, steps.Any(s => s.Step == SaveStep.MainRejected));
    }

    [Fact]
    public async Task Saves_from_many_threads_never_leave_an_invalid_file_and_the_last_capture_wins()
    {
        var store = _dir.Store();
        var sequence = 0;
        var stop = false;
        var invalidSeen = 0;
        var reads = 0;
        var ct = TestContext.Current.CancellationToken;

        // A reader racing the writers: whatever it finds must load, from the main file unless mid-rename.
        void ReadUntilStopped()
        {
            while (!Volatile.Read(ref stop))
            {
                try
                {
                    var result = new StateStore(_dir.Main, _dir.Backup).Load();
                    if (result.Source == StateSource.Backup && result.MainIssue?.Problem != StateFileProblem.Missing)
                    {
                        Interlocked.Increment(ref invalidSeen);
                    }
                }
                catch (StateLoadException)
                {
                    Interlocked.Increment(ref invalidSeen);
                }

                Interlocked.Increment(ref reads);
            }
        }

        var reader = Task.Run(ReadUntilStopped, ct);

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, i =>
        {
            if (i % 2 == 0)
            {
                store.Save(() => StateSamples.Create(Interlocked.Increment(ref sequence)));
            }
            else
            {
                store.Save(StateSamples.Create(1_000 + i));
            }
        });
        store.Save(() => StateSamples.Create(Interlocked.Increment(ref sequence)));
        Volatile.Write(ref stop, true);
        await reader;

        Assert.Equal(0, invalidSeen);
        Assert.True(reads > 0);
        var final = _dir.Store().Load();
        Assert.Equal(StateSource.Main, final.Source);
        Assert.Equal(StateSamples.Json(StateSamples.Create(sequence)), Json(final));
        Assert.False(File.Exists(store.TempPath));
    }

    private static void CopyFiles(StateStore store, string directory)
    {
        Directory.CreateDirectory(directory);
        if (File.Exists(store.MainPath))
        {
            File.Copy(store.MainPath, Path.Combine(directory, "state.json"));
        }

        if (File.Exists(store.BackupPath))
        {
            File.Copy(store.BackupPath, Path.Combine(directory, "state.bak.json"));
        }

        // The temp file is never read: whatever a kill left in it must not matter.
        File.WriteAllText(Path.Combine(directory, "state.json.tmp"), "{\"schemaVersion\": 1, \"garbage");
    }
}
