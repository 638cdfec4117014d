using System.Text.Json;
using Arb.Cli;
using Arb.Cli.Backtest;
using Arb.Cli.Commands;
using Arb.UnitTests.Import;

namespace Arb.UnitTests.Backtest;

/// <summary><c>arbbot backtest</c> in process, as a user runs it: exit codes, messages, files, determinism, sweeps, and a pinned result on real data.</summary>
public sealed class BacktestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arb-backtest-cmd-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Header = "timestamp,symbol,category,bid,bid_qty,ask,ask_qty";

    // A small market whose basis swings ±40 bps, so the default thresholds trade.
    private string Synthetic(string name = "synthetic.csv", int rows = 2_000)
    {
        var lines = new List<string> { Header };
        for (var i = 0; i < rows; i++)
        {
            var t = 1_723_161_254_000L + (i * 100L);
            var basis = 40.0 * Math.Sin(i / 150.0);
            var spot = 60_000m + (i % 7);
            if (i % 2 == 0)
            {
                lines.Add($"{t},BTCUSDT,spot,{spot:0.00},1.5,{spot + 0.01m:0.00},1.5");
            }
            else
            {
                var perp = Math.Round(spot * (1m + ((decimal)basis / 10_000m)), 1);
                lines.Add($"{t},BTCUSDT,linear,{perp:0.0},3,{perp + 0.1m:0.0},3");
            }
        }

        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(
        string[] files, Dictionary<string, string?>? settings = null, string? outDir = null, bool json = false, bool skipBadRows = false,
        string[]? sweep = null, string? symbols = null, string? from = null, string? to = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var request = new BacktestRequest(files, symbols, from, to, skipBadRows, 0, outDir, json, sweep ?? [], Oracle: true);
        var exit = await BacktestRunner.RunAsync(request, output, errors, TestContext.Current.CancellationToken, settings ?? []);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Out_writes_the_report_files_and_the_same_run_twice_writes_the_same_bytes()
    {
        var data = Synthetic();
        var first = Path.Combine(_dir, "first");
        var second = Path.Combine(_dir, "second");

        var (exit1, _, errors1) = await RunAsync([data], outDir: first);
        var (exit2, _, _) = await RunAsync([data], outDir: second);

        Assert.Equal(ExitCodes.Ok, exit1);
        Assert.Equal(ExitCodes.Ok, exit2);
        Assert.Contains("wrote report.json, report.html, trades.csv and pnl.csv", errors1, StringComparison.Ordinal);
        foreach (var file in new[] { "report.json", "report.html", "trades.csv", "pnl.csv" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first, file), TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(second, file), TestContext.Current.CancellationToken));
        }

        Assert.True(File.ReadAllLines(Path.Combine(first, "trades.csv")).Length > 1, "the synthetic market made no trade");
    }

    [Fact]
    public async Task Json_prints_the_summary_figures_on_stdout()
    {
        var (exit, output, _) = await RunAsync([Synthetic()], json: true);

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var total = json.RootElement.GetProperty("total");
        Assert.True(total.GetProperty("trades").GetInt32() > 0);
        Assert.Equal(total.GetProperty("netPnlUsd").GetDecimal(), json.RootElement.GetProperty("symbols")[0].GetProperty("netPnlUsd").GetDecimal());
        Assert.True(json.RootElement.GetProperty("oracle").GetProperty("netPnlUsd").GetDecimal() >= total.GetProperty("netPnlUsd").GetDecimal());
        Assert.Equal(0, json.RootElement.GetProperty("equity").GetArrayLength()); // the summary leaves the chart series out
    }

    [Theory]
    [InlineData("1723161254100,BTCUSDT,spot,,1,60000.01,1", "MissingField")]
    [InlineData("1723161254100,BTCUSDT,spot,abc,1,60000.01,1", "NotANumber")]
    [InlineData("1723161254100,BTCUSDT,spot,60000.02,1,60000.01,1", "BidAboveAsk")]
    [InlineData("1723161254100,BTCUSDT,spot,60000.00,-1,60000.01,1", "NegativeQuantity")]
    [InlineData("1723161253000,BTCUSDT,spot,60000.00,1,60000.01,1", "TimeWentBackwards")]
    [InlineData("1723161254100,BTCUSDT,futures,60000.00,1,60000.01,1", "UnknownCategory")]
    public async Task A_bad_row_stops_with_file_line_and_reason_unless_skipped(string badRow, string reason)
    {
        var path = Path.Combine(_dir, "bad.csv");
        File.WriteAllLines(path, [Header, "1723161254000,BTCUSDT,spot,60000.00,1,60000.01,1", "1723161254050,BTCUSDT,linear,60010.0,1,60010.1,1", badRow, "1723161254200,BTCUSDT,linear,60010.0,1,60010.1,1"]);

        var (stopped, _, message) = await RunAsync([path]);
        var (skipped, output, _) = await RunAsync([path], json: true, skipBadRows: true);

        Assert.Equal(ExitCodes.BadConfiguration, stopped);
        Assert.Contains($"{path}:4: {reason}:", message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, skipped);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("input").GetProperty("badRowsSkipped").GetProperty(reason).GetInt64());
        Assert.Equal(3, json.RootElement.GetProperty("input").GetProperty("rowsRead").GetInt64());
    }

    [Fact]
    public async Task Input_that_cannot_be_used_is_exit_2_saying_why()
    {
        var spotOnly = Path.Combine(_dir, "spot-only.csv");
        File.WriteAllLines(spotOnly, [Header, "1723161254000,BTCUSDT,spot,60000.00,1,60000.01,1"]);

        var missing = await RunAsync([Path.Combine(_dir, "nope.csv")]);
        var oneMarket = await RunAsync([spotOnly]);
        var badSetting = await RunAsync([Synthetic()], new() { ["ENTRY_EDGE_BPS"] = "lots" });
        var badSweep = await RunAsync([Synthetic()], sweep: ["LEVERAGE=1:5:1"]);
        var badWindow = await RunAsync([Synthetic()], from: "yesterday");

        Assert.Equal((ExitCodes.BadConfiguration, true), (missing.Exit, missing.Errors.Contains("quote file not found", StringComparison.Ordinal)));
        Assert.Equal((ExitCodes.BadConfiguration, true), (oneMarket.Exit, oneMarket.Errors.Contains("BTCUSDT has only spot rows", StringComparison.Ordinal)));
        Assert.Equal((ExitCodes.BadConfiguration, true), (badSetting.Exit, badSetting.Errors.Contains("ENTRY_EDGE_BPS", StringComparison.Ordinal)));
        Assert.Equal((ExitCodes.BadConfiguration, true), (badSweep.Exit, badSweep.Errors.Contains("LEVERAGE cannot be swept", StringComparison.Ordinal)));
        Assert.Equal((ExitCodes.BadConfiguration, true), (badWindow.Exit, badWindow.Errors.Contains("--from 'yesterday'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_sweep_runs_every_combination_best_net_pnl_first_and_writes_the_table()
    {
        var outDir = Path.Combine(_dir, "sweep");

        var (exit, output, _) = await RunAsync([Synthetic()], outDir: outDir, sweep: ["ENTRY_EDGE_BPS=10:20:5", "EXIT_EDGE_BPS=-30:-20:10"]);

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal(1 + 6, lines.Length);
        Assert.StartsWith("ENTRY_EDGE_BPS,EXIT_EDGE_BPS,trades,", lines[0], StringComparison.Ordinal);
        var net = Array.IndexOf(lines[0].Split(','), "net_pnl_usd");
        var nets = lines.Skip(1).Select(l => decimal.Parse(l.Split(',')[net], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(nets.OrderByDescending(n => n), nets);
        Assert.Equal(6, lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))).Distinct().Count());
        Assert.Contains("ENTRY_EDGE_BPS", output, StringComparison.Ordinal); // the table on stdout

        // Each row is what a single run with those settings gives.
        var best = lines[1].Split(',');
        var (_, single, _) = await RunAsync([Synthetic()], new() { ["ENTRY_EDGE_BPS"] = best[0], ["EXIT_EDGE_BPS"] = best[1] }, json: true);
        using var json = JsonDocument.Parse(single);
        Assert.Equal(decimal.Parse(best[net], System.Globalization.CultureInfo.InvariantCulture), Math.Round(json.RootElement.GetProperty("total").GetProperty("netPnlUsd").GetDecimal(), 6));
    }

    [Fact]
    public async Task The_binance_capture_gives_the_pinned_report()
    {
        var data = ImportRun.DataPath("binance_spot_usdm_btc_eth_20240808");
        var csv = Path.Combine(_dir, "binance.csv");
        var imported = ImportCommand.Run(
            [Path.Combine(data, "spot", "btcusdt_20240808.gz"), Path.Combine(data, "spot", "ethusdt_20240808.gz")],
            [Path.Combine(data, "usdm", "btcusdt_20240808.gz"), Path.Combine(data, "usdm", "ethusdt_20240808.gz")],
            csv, [], "auto", null, TextWriter.Null);
        Assert.Equal(ExitCodes.Ok, imported);

        // The perp sat a few bps under spot: entering at −25 bps net of the 15.5 bps of fees takes its swings.
        var (exit, output, _) = await RunAsync([csv], new() { ["ENTRY_EDGE_BPS"] = "-22", ["EXIT_EDGE_BPS"] = "-22", ["MAX_CONSECUTIVE_LOSSES"] = "100" }, json: true);

        // Pinned from the first run of this test: any change here is a change in what the engine decides or books.
        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(172_198, json.RootElement.GetProperty("input").GetProperty("rowsRead").GetInt64());
        Assert.Equal(74, total.GetProperty("trades").GetInt32());
        Assert.Equal(37, total.GetProperty("roundTrips").GetInt32());
        Assert.Equal(148, total.GetProperty("fills").GetInt32());
        Assert.Equal(132160.85982984m, total.GetProperty("volumeUsd").GetDecimal());
        Assert.Equal(0.0098975m, total.GetProperty("grossPnlUsd").GetDecimal());
        Assert.Equal(102.42313322484m, total.GetProperty("feesUsd").GetDecimal());
        Assert.Equal(-102.41323572484m, total.GetProperty("netPnlUsd").GetDecimal());
        Assert.Equal(0m, total.GetProperty("winRate").GetDecimal());

        // At base-tier fees this capture holds nothing to take, and the oracle says so: zero, not a made-up share.
        Assert.Equal(0m, json.RootElement.GetProperty("oracle").GetProperty("netPnlUsd").GetDecimal());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("shareOfOracle").ValueKind);
    }
}
