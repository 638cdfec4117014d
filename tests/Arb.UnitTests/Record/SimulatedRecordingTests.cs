using Arb.Cli;
using Arb.Cli.Commands;
using Arb.Cli.Record;
using Arb.Domain.Market;
using Arb.Engine.Backtest;

namespace Arb.UnitTests.Record;

public sealed class SimulatedRecordingTests : IDisposable
{
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT"];
    private const long StepMs = 50;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arb-simrec-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_short_run_writes_a_backtest_csv_with_every_market_every_step_and_funding_on_linear_rows()
    {
        var output = new StringWriter();

        var exitCode = await RecordAsync("a", 0.05, seed: null, start: null, output);

        Assert.Equal(ExitCodes.Ok, exitCode);
        var path = Assert.Single(Directory.GetFiles(Out("a")));
        Assert.Equal("quotes-2024-01-01.csv", Path.GetFileName(path));
        var rows = new QuoteCsvReader().Read(path).ToList();
        var startMs = DateTimeOffset.Parse(SimulatedRecordingRequest.DefaultStart, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var endMs = startMs + (3 * 60 * 1000); // 0.05 h
        foreach (var symbol in Symbols)
        {
            foreach (var category in new[] { MarketCategory.Spot, MarketCategory.Linear })
            {
                var market = rows.Where(r => r.Symbol == symbol && r.Category == category).ToList();
                var times = market.Select(r => r.TimestampMs!.Value).ToList();
                Assert.Equal(startMs, times[0]);
                Assert.Equal(endMs, times[^1]);
                Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(StepMs, pair.Second - pair.First));
                Assert.All(market, r => Assert.True(r.Bid < r.Ask && r.BidQty > 0 && r.AskQty > 0, $"bad quote at line {r.LineNumber}"));
                Assert.All(market, r => Assert.Equal(category == MarketCategory.Linear, r.FundingRate is not null && r.NextFundingTimeMs > r.TimestampMs));
            }
        }

        Assert.Equal(4 * ((endMs - startMs) / StepMs + 1), rows.Count);
        Assert.Contains("  quote rows: BTCUSDT spot 3601, BTCUSDT linear 3601, ETHUSDT spot 3601, ETHUSDT linear 3601", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("  frames: none", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_gives_identical_bytes_and_another_seed_a_different_market()
    {
        Assert.Equal(ExitCodes.Ok, await RecordAsync("one", 0.02, seed: 7, start: null));
        Assert.Equal(ExitCodes.Ok, await RecordAsync("two", 0.02, seed: 7, start: null));
        Assert.Equal(ExitCodes.Ok, await RecordAsync("other", 0.02, seed: 8, start: null));

        var ct = TestContext.Current.CancellationToken;
        var one = await File.ReadAllBytesAsync(QuotesOf("one"), ct);
        Assert.Equal(one, await File.ReadAllBytesAsync(QuotesOf("two"), ct));
        Assert.NotEqual(one, await File.ReadAllBytesAsync(QuotesOf("other"), ct));
    }

    [Fact]
    public async Task A_run_across_UTC_midnight_writes_one_file_per_day()
    {
        Assert.Equal(ExitCodes.Ok, await RecordAsync("midnight", 0.05, seed: null, start: "2024-03-09T23:59:00Z"));

        var files = Directory.GetFiles(Out("midnight")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["quotes-2024-03-09.csv", "quotes-2024-03-10.csv"], files);
        var reader = new QuoteCsvReader();
        var before = reader.Read(Path.Combine(Out("midnight"), files[0]!)).ToList();
        var after = reader.Read(Path.Combine(Out("midnight"), files[1]!)).ToList();
        var midnight = new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.All(before, r => Assert.True(r.TimestampMs < midnight));
        Assert.All(after, r => Assert.True(r.TimestampMs >= midnight));
        Assert.Equal(midnight, after[0].TimestampMs);
        Assert.Equal(4 * 3601, before.Count + after.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(721)]
    public async Task Bad_sim_hours_exit_2_naming_the_option_and_create_nothing(double hours)
    {
        var errors = new StringWriter();

        var exitCode = await RecordAsync("bad", hours, seed: null, start: null, errors: errors);

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("--sim-hours", errors.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out("bad")));
    }

    [Fact]
    public async Task A_bad_start_exits_2_naming_the_option()
    {
        var errors = new StringWriter();

        var exitCode = await RecordAsync("bad", 1, seed: null, start: "yesterday", errors: errors);

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("--start \"yesterday\"", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Existing_quotes_of_the_span_are_not_appended_to()
    {
        Assert.Equal(ExitCodes.Ok, await RecordAsync("again", 0.01, seed: null, start: null));
        var before = await File.ReadAllBytesAsync(QuotesOf("again"), TestContext.Current.CancellationToken);
        var errors = new StringWriter();

        var exitCode = await RecordAsync("again", 0.01, seed: null, start: null, errors: errors);

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("already holds", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(QuotesOf("again"), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    public void A_sim_hours_that_is_not_a_number_is_a_usage_error_naming_it(string hours)
    {
        var parse = Program.BuildCommand().Parse(["record", "--out", Out("x"), "--sim-hours", hours]);

        Assert.Contains(parse.Errors, e => e.Message.Contains("--sim-hours", StringComparison.Ordinal));
    }

    private string Out(string name) => Path.Combine(_dir, name);

    private string QuotesOf(string name) => RecordingPaths.Quotes(Out(name), new DateOnly(2024, 1, 1));

    private Task<int> RecordAsync(string name, double hours, int? seed, string? start, TextWriter? output = null, TextWriter? errors = null) =>
        RecordCommand.RunSimulatedAsync(
            Out(name), hours, seed, start, output ?? TextWriter.Null, errors ?? TextWriter.Null, TestContext.Current.CancellationToken, Symbols);
}
