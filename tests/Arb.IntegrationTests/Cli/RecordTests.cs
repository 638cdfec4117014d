using Arb.Cli;
using Arb.Cli.Commands;
using Arb.IntegrationTests.Support;

namespace Arb.IntegrationTests.Cli;

public sealed class RecordTests : IDisposable
{
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT"];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arb-record-it-" + Guid.NewGuid().ToString("N"));

    public RecordTests() => Directory.CreateDirectory(_dir);

    private string Out => Path.Combine(_dir, "recording");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Record_from_the_embedded_simulator_writes_quotes_and_frames_that_replay_to_the_same_books()
    {
        using var recorder = ArbbotProcess.Start(["record", "--out", Out], new Dictionary<string, string?> { ["SYMBOLS"] = string.Join(',', Symbols) }, _dir);

        await WaitForEveryMarketOnDiskAsync(recorder);
        var exitCode = await recorder.TerminateAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains(recorder.Lines, l => l == $"recorded to {Out}");
        Assert.Contains(recorder.Lines, l => l.StartsWith("  quote rows: BTCUSDT spot ", StringComparison.Ordinal));
        Assert.Contains(recorder.Lines, l => l.StartsWith("  files: ", StringComparison.Ordinal) && l.Contains("frames-linear-", StringComparison.Ordinal));
        Assert.Contains(recorder.Lines, l => l == "  dropped: none");
        RecordingCheck.AssertComplete(Out, Symbols);
    }

    [Fact]
    public async Task Run_with_record_writes_the_market_data_the_bot_trades_on()
    {
        var environment = new Dictionary<string, string?>
        {
            ["SYMBOLS"] = string.Join(',', Symbols),
            ["STATE_FILE"] = Path.Combine(_dir, "state.json"),
            ["STATE_BACKUP_FILE"] = Path.Combine(_dir, "state.bak.json"),
            ["TRADES_LOG"] = Path.Combine(_dir, "trades.csv"),
            ["PNL_LOG"] = Path.Combine(_dir, "pnl.csv"),
            ["PROM_PORT"] = "0",
        };
        using var bot = ArbbotProcess.Start(["run", "--record", Out], environment, _dir);

        await bot.WaitForLineAsync("trading (sim)", TimeSpan.FromSeconds(20));
        await WaitForEveryMarketOnDiskAsync(bot);
        var exitCode = await bot.TerminateAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains(bot.Lines, l => l.EndsWith($"recorded to {Out}", StringComparison.Ordinal));
        Assert.Contains(bot.Lines, l => l.EndsWith("  dropped: none", StringComparison.Ordinal));
        RecordingCheck.AssertComplete(Out, Symbols);
    }

    [Fact]
    public async Task An_out_directory_that_cannot_be_created_is_bad_usage_naming_it()
    {
        var file = Path.Combine(_dir, "a-file");
        await File.WriteAllTextAsync(file, "", TestContext.Current.CancellationToken);
        var errors = new StringWriter();

        var exitCode = await RecordCommand.RunAsync(Path.Combine(file, "sub"), TextWriter.Null, errors, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains($"cannot write to --out {Path.Combine(file, "sub")}", errors.ToString(), StringComparison.Ordinal);
    }

    // Rows of every market reach the disk while it runs: the flush does not wait for the stop.
    private async Task WaitForEveryMarketOnDiskAsync(ArbbotProcess process)
    {
        var expected = Symbols.SelectMany(s => new[] { (s, "spot"), (s, "linear") }).ToHashSet();
        var complete = await Eventually.TrueAsync(() => RecordingCheck.MarketsOnDisk(Out).IsSupersetOf(expected), TimeSpan.FromSeconds(15));
        Assert.True(complete, "not every market reached the quotes CSV:\n" + string.Join('\n', process.Lines.TakeLast(40)));
    }
}
