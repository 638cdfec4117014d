using Arb.Engine.State;

namespace Arb.UnitTests.Engine.State;

/// <summary>The corrupt-state cases: what loads, what the caller is told, and when the bot must refuse to start.</summary>
public sealed class StateStoreLoadTests : IDisposable
{
    private readonly StateDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private BotState WriteGoodBackup(int sequence = 1)
    {
        var backup = StateSamples.Create(sequence);
        _dir.Write(_dir.Backup, StateSamples.Bytes(backup));
        return backup;
    }

    private StateLoadResult LoadFromBackup(StateFileProblem expected)
    {
        var result = _dir.Store().Load();
        Assert.Equal(StateSource.Backup, result.Source);
        Assert.True(result.UsedBackup);
        Assert.Equal(expected, result.MainIssue?.Problem);
        Assert.Equal(Path.GetFullPath(_dir.Main), result.MainIssue?.Path);
        return result;
    }

    [Fact]
    public void First_start_with_neither_file_loads_nothing_and_reports_nothing()
    {
        var result = _dir.Store().Load();

        Assert.Equal(StateSource.None, result.Source);
        Assert.Null(result.State);
        Assert.Null(result.MainIssue);
        Assert.False(result.UsedBackup);
    }

    [Fact]
    public void A_valid_main_file_is_loaded_and_the_backup_not_needed()
    {
        var main = StateSamples.Create(2);
        _dir.Write(_dir.Main, StateSamples.Bytes(main));
        _dir.Write(_dir.Backup, "garbage");

        var result = _dir.Store().Load();

        Assert.Equal(StateSource.Main, result.Source);
        Assert.Null(result.MainIssue);
        Assert.Equal(StateSamples.Json(main), StateSamples.Json(result.State!));
    }

    [Fact]
    public void A_missing_main_file_with_a_backup_loads_the_backup_as_after_a_kill_between_the_renames()
    {
        var backup = WriteGoodBackup();

        var result = LoadFromBackup(StateFileProblem.Missing);

        Assert.Equal(StateSamples.Json(backup), StateSamples.Json(result.State!));
    }

    [Fact]
    public void A_main_file_cut_off_at_any_byte_loads_the_backup_and_says_truncated()
    {
        var backup = WriteGoodBackup(1);
        var full = StateSamples.Bytes(StateSamples.Create(2));
        var store = _dir.Store();

        for (var length = 1; length < full.Length; length++)
        {
            _dir.Write(_dir.Main, full.AsSpan(0, length));

            var result = store.Load();

            Assert.True(result.Source == StateSource.Backup, $"cut at {length} of {full.Length} bytes loaded {result.Source}");
            Assert.True(result.MainIssue!.Problem == StateFileProblem.Truncated, $"cut at {length}: {result.MainIssue}");
            Assert.Equal(backup.SavedAt, result.State!.SavedAt);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void An_empty_main_file_loads_the_backup_and_says_empty(string text)
    {
        WriteGoodBackup();
        _dir.Write(_dir.Main, text);

        LoadFromBackup(StateFileProblem.Empty);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("\0\0\0\0\0\0\0\0")] // what a file system can leave after a crash: allocated, never written
    [InlineData("[1, 2, 3]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"schemaVersion\": 1,, }")]
    [InlineData("{\"schemaVersion\": 1} trailing")]
    [InlineData("{} {}")]
    public void A_main_file_of_garbage_loads_the_backup_and_says_garbage(string text)
    {
        WriteGoodBackup();
        _dir.Write(_dir.Main, text);

        var result = LoadFromBackup(StateFileProblem.Garbage);

        Assert.False(string.IsNullOrWhiteSpace(result.MainIssue!.Detail));
    }

    [Fact]
    public void Random_bytes_in_the_main_file_load_the_backup()
    {
        WriteGoodBackup();
        var random = new Random(7);
        var store = _dir.Store();
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 300)];
            random.NextBytes(bytes);
            _dir.Write(_dir.Main, bytes);

            Assert.Equal(StateSource.Backup, store.Load().Source);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(-1)]
    public void A_main_file_of_another_schema_version_loads_the_backup_and_says_which_version(int version)
    {
        WriteGoodBackup();
        _dir.Write(_dir.Main, StateSamples.Bytes(StateSamples.Create(2) with { SchemaVersion = version }));

        var result = LoadFromBackup(StateFileProblem.WrongVersion);

        Assert.Contains($"schema version {version}", result.MainIssue!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"schemaVersion\": 1,", "", "no schemaVersion")]
    [InlineData("\"schemaVersion\": 1,", "\"schemaVersion\": \"1\",", "not an integer")]
    [InlineData("\"schemaVersion\": 1,", "\"schemaVersion\": 1.5,", "not an integer")]
    public void A_main_file_without_an_integer_version_is_the_wrong_version(string from, string to, string detail)
    {
        WriteGoodBackup();
        _dir.Write(_dir.Main, StateSamples.Json(StateSamples.Create(2)).Replace(from, to, StringComparison.Ordinal));

        var result = LoadFromBackup(StateFileProblem.WrongVersion);

        Assert.Contains(detail, result.MainIssue!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"savedAt\"")]
    [InlineData("\"symbols\"")]
    [InlineData("\"inFlightOrders\"")]
    [InlineData("\"risk\"")]
    [InlineData("\"lots\"")]
    [InlineData("\"realized\"")]
    [InlineData("\"orderLinkId\"")]
    [InlineData("\"bookedExecIds\"")]
    [InlineData("\"tradesToday\"")]
    [InlineData("\"symbolPeakPnlUsd\"")]
    public void A_complete_main_file_missing_a_required_field_loads_the_backup_and_says_invalid(string field)
    {
        WriteGoodBackup();
        // Renaming the field's first occurrence removes it: unknown names are ignored, required ones are not.
        var json = StateSamples.Json(StateSamples.Create(2));
        var at = json.IndexOf(field, StringComparison.Ordinal);
        _dir.Write(_dir.Main, json[..at] + "\"renamed" + json[(at + 1)..]);

        LoadFromBackup(StateFileProblem.Invalid);
    }

    [Theory]
    [InlineData("\"price\": \"65010.50\"", "\"price\": \"-65010.50\"")] // negative price
    [InlineData("\"quantity\": \"1.5\"", "\"quantity\": \"-1.5\"")] // negative lot
    [InlineData("\"quantity\": \"-2.25\"", "\"quantity\": \"-2.5\"")] // lots do not add up
    [InlineData("\"symbol\": \"ETHUSDT\"", "\"symbol\": \"BTCUSDT\"")] // a symbol twice
    [InlineData("\"symbol\": \"ETHUSDT\"", "\"symbol\": null")] // null where the model has none
    [InlineData("\"orderLinkId\": \"arb-s1-2s\"", "\"orderLinkId\": \"\"")]
    [InlineData("\"side\": \"Sell\"", "\"side\": \"Hold\"")]
    [InlineData("\"side\": \"Sell\"", "\"side\": 7")] // an undefined enum number
    [InlineData("\"consecutiveLosses\": 3", "\"consecutiveLosses\": -3")]
    [InlineData("\"tradesToday\": 19", "\"tradesToday\": -1")]
    [InlineData("\"exec-2-0\"", "null")]
    [InlineData("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"savedAt\": 5,")] // a duplicate of the wrong type
    public void A_complete_main_file_with_impossible_values_loads_the_backup_and_says_invalid(string from, string to)
    {
        WriteGoodBackup();
        var json = StateSamples.Json(StateSamples.Create(2));
        Assert.Contains(from, json, StringComparison.Ordinal);
        _dir.Write(_dir.Main, json.Replace(from, to, StringComparison.Ordinal));

        LoadFromBackup(StateFileProblem.Invalid);
    }

    [Fact]
    public void A_directory_in_place_of_the_main_file_is_unreadable_and_the_backup_loads()
    {
        WriteGoodBackup();
        Directory.CreateDirectory(_dir.Main);

        LoadFromBackup(StateFileProblem.Unreadable);
    }

    [Fact]
    public void A_byte_order_mark_is_not_corruption()
    {
        var main = StateSamples.Create(2);
        _dir.Write(_dir.Main, [.. "\uFEFF"u8, .. StateSamples.Bytes(main)]);

        Assert.Equal(StateSource.Main, _dir.Store().Load().Source);
    }

    [Theory]
    [InlineData("", "garbage", StateFileProblem.Empty, StateFileProblem.Garbage)]
    [InlineData("{\"schemaVersion\": 1, \"sym", "", StateFileProblem.Truncated, StateFileProblem.Empty)]
    [InlineData("{\"schemaVersion\": 9}", "{\"schemaVersion\": 1}", StateFileProblem.WrongVersion, StateFileProblem.Invalid)]
    [InlineData(null, "garbage", StateFileProblem.Missing, StateFileProblem.Garbage)]
    [InlineData("garbage", null, StateFileProblem.Garbage, StateFileProblem.Missing)]
    public void Both_files_bad_refuses_to_start_naming_both_files_and_the_fresh_start_flag(
        string? main, string? backup, StateFileProblem mainProblem, StateFileProblem backupProblem)
    {
        if (main is not null)
        {
            _dir.Write(_dir.Main, main);
        }

        if (backup is not null)
        {
            _dir.Write(_dir.Backup, backup);
        }

        var error = Assert.Throws<StateLoadException>(() => _dir.Store().Load());

        Assert.Equal(mainProblem, error.Main.Problem);
        Assert.Equal(backupProblem, error.Backup.Problem);
        Assert.Contains(Path.GetFullPath(_dir.Main), error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(_dir.Backup), error.Message, StringComparison.Ordinal);
        Assert.Contains("--fresh-start", error.Message, StringComparison.Ordinal);
        Assert.Equal("--fresh-start", StateLoadException.FreshStartFlag);
    }
}
