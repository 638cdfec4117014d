using System.Globalization;
using System.Text.Json.Nodes;
using Arb.Cli;
using Arb.Cli.Backtest;
using Arb.Cli.Train;
using Arb.Engine.Learning;
using Microsoft.Extensions.Time.Testing;

namespace Arb.UnitTests.Learning;

/// <summary><c>arbbot train</c> then <c>arbbot backtest</c> in process: policies written with their metadata, loaded back, reported, and refused when bad.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arb-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Data()
    {
        var path = Path.Combine(_dir, "synthetic.csv");
        var lines = new List<string> { "timestamp,symbol,category,bid,bid_qty,ask,ask_qty" };
        lines.AddRange(SyntheticBasisMarket.Rows(20_000, seed: 4).Select(r => string.Join(
            ',',
            r.TimestampMs!.Value.ToString(CultureInfo.InvariantCulture),
            r.Symbol,
            r.Category == Arb.Domain.Market.MarketCategory.Spot ? "spot" : "linear",
            r.Bid.ToString(CultureInfo.InvariantCulture),
            r.BidQty!.Value.ToString(CultureInfo.InvariantCulture),
            r.Ask.ToString(CultureInfo.InvariantCulture),
            r.AskQty!.Value.ToString(CultureInfo.InvariantCulture))));
        File.WriteAllLines(path, lines);
        return path;
    }

    private async Task<(int Exit, string Output, string Errors)> TrainAsync(string data, string outDir, int episodes = 3, int seed = 1)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await TrainRunner.RunAsync(
            new TrainRequest([data], null, episodes, outDir, 0.3, seed, false),
            output,
            errors,
            TestContext.Current.CancellationToken,
            new Dictionary<string, string?>(),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero)));
        return (exit, output.ToString(), errors.ToString());
    }

    private static async Task<(int Exit, string Errors, JsonNode Report)> BacktestAsync(string data, string policyDir)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await BacktestRunner.RunAsync(
            new BacktestRequest([data], null, null, null, false, 0, null, Json: true, [], Oracle: false),
            output,
            errors,
            TestContext.Current.CancellationToken,
            new Dictionary<string, string?> { ["POLICY_DIR"] = policyDir });
        return (exit, errors.ToString(), JsonNode.Parse(output.ToString())!);
    }

    [Fact]
    public async Task Train_writes_a_policy_per_symbol_with_its_metadata_and_backtest_loads_it()
    {
        var data = Data();
        var policies = Path.Combine(_dir, "policies");

        var (exit, output, errors) = await TrainAsync(data, policies);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("episode 3/3", errors, StringComparison.Ordinal);
        Assert.Contains("ABCUSDT", output, StringComparison.Ordinal);
        var document = PolicyFile.Load(PolicyFile.PathFor(policies, "ABCUSDT"), "ABCUSDT");
        Assert.Equal(PolicyDocument.CurrentSchemaVersion, document.SchemaVersion);
        Assert.Equal(DataFingerprint.Of([data]), document.Training.Sha256);
        Assert.Equal(["synthetic.csv"], document.Training.Files);
        Assert.Equal(3, document.HyperParameters.Episodes);
        Assert.Equal("2026-11-25T06:00:00Z", document.Training.TrainedAtUtc);
        Assert.NotNull(document.Results.Test);
        Assert.NotNull(document.Results.TestThreshold);
        Assert.True(document.Training.TestFromMs > document.Training.TrainFromMs);
        Assert.NotEmpty(document.Values);

        var (backtest, said, report) = await BacktestAsync(data, policies);

        Assert.Equal(ExitCodes.Ok, backtest);
        Assert.Contains($"ABCUSDT uses rl policy {PolicyFile.PathFor(policies, "ABCUSDT")}", said, StringComparison.Ordinal);
        Assert.StartsWith("rl policy", report["settings"]!["estimator ABCUSDT"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_data_and_seed_train_the_same_policy()
    {
        var data = Data();
        await TrainAsync(data, Path.Combine(_dir, "a"));
        await TrainAsync(data, Path.Combine(_dir, "b"));
        await TrainAsync(data, Path.Combine(_dir, "c"), seed: 2);

        string Values(string dir) => JsonNode.Parse(File.ReadAllText(PolicyFile.PathFor(Path.Combine(_dir, dir), "ABCUSDT")))!["values"]!.ToJsonString();
        Assert.Equal(Values("a"), Values("b"));
        Assert.NotEqual(Values("a"), Values("c"));
    }

    [Fact]
    public async Task A_policy_that_cannot_be_used_is_reported_and_the_symbol_trades_on_thresholds()
    {
        var data = Data();
        var policies = Path.Combine(_dir, "policies");
        Directory.CreateDirectory(policies);
        await File.WriteAllTextAsync(PolicyFile.PathFor(policies, "ABCUSDT"), "{ \"schemaVersion\": 7 }", TestContext.Current.CancellationToken);

        var (exit, errors, report) = await BacktestAsync(data, policies);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("ABCUSDT uses threshold (policy unusable, see the warning)", errors, StringComparison.Ordinal);
        Assert.Contains("is not a policy file", errors, StringComparison.Ordinal);
        Assert.StartsWith("threshold (policy unusable", report["settings"]!["estimator ABCUSDT"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_are_exit_2_naming_them()
    {
        var data = Data();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await TrainRunner.RunAsync(new TrainRequest([data], null, 0, _dir, 0.3, 1, false), output, errors, TestContext.Current.CancellationToken, new Dictionary<string, string?>());
        var share = await TrainRunner.RunAsync(new TrainRequest([data], null, 3, _dir, 1.5, 1, false), output, errors, TestContext.Current.CancellationToken, new Dictionary<string, string?>());

        Assert.Equal(ExitCodes.BadConfiguration, exit);
        Assert.Equal(ExitCodes.BadConfiguration, share);
        Assert.Contains("--episodes must be between 1 and 10000", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("--test-share must be at least 0 and below 1", errors.ToString(), StringComparison.Ordinal);
    }
}
