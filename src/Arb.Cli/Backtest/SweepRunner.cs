using System.Globalization;
using Arb.Cli.Settings;
using Arb.Engine.Backtest;

namespace Arb.Cli.Backtest;

/// <summary>
/// <c>--sweep</c>: every combination of the swept settings is validated like any setting (a bad value stops before
/// the first run, naming the variable), then run on all cores, each run reading the files afresh, and the results
/// come back best net PnL first (ties in grid order, so the table is the same every time).
/// </summary>
internal static class SweepRunner
{
    /// <exception cref="SettingsException">A combination gives a setting an invalid value.</exception>
    public static IReadOnlyList<(IReadOnlyDictionary<string, decimal> Values, BotSettings Settings)> Prepare(
        IReadOnlyList<SweepAxis> axes, IReadOnlyDictionary<string, string?> environment, string? dotEnvPath)
    {
        var combinations = new List<(IReadOnlyDictionary<string, decimal>, BotSettings)>();
        foreach (var values in SweepAxis.Grid(axes))
        {
            var overridden = new Dictionary<string, string?>(environment, StringComparer.Ordinal);
            foreach (var (name, value) in values)
            {
                overridden[name] = value.ToString(CultureInfo.InvariantCulture);
            }

            combinations.Add((values, SettingsLoader.Load(overridden, dotEnvPath)));
        }

        return combinations;
    }

    public static IReadOnlyList<SweepResult> Run(
        BacktestInput input,
        IReadOnlyList<(IReadOnlyDictionary<string, decimal> Values, BotSettings Settings)> combinations,
        BacktestRunOptions runOptions,
        Action? completedOne,
        CancellationToken ct)
    {
        var results = new SweepResult[combinations.Count];
        Parallel.For(
            0,
            combinations.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            i =>
            {
                var (values, settings) = combinations[i];
                var options = BacktestSetup.Create(settings, input.Symbols, runOptions with { OutDirectory = null });
                var (reader, rows) = input.Read();
                var report = new BacktestRun(options).Run(rows, input.Files, () => BacktestInput.BadRows(reader), ct);
                results[i] = new SweepResult(i, values, report.Total, report.ShareOfOracle, report.RiskStop);
                completedOne?.Invoke();
            });
        return [.. results.OrderByDescending(r => r.Total.NetPnlUsd).ThenBy(r => r.Index)];
    }

    /// <summary>The table as CSV: one column per swept setting, then the figures.</summary>
    public static void WriteCsv(TextWriter writer, IReadOnlyList<SweepAxis> axes, IReadOnlyList<SweepResult> results)
    {
        writer.WriteLine(string.Join(',', axes.Select(a => a.Name).Concat(Columns)));
        foreach (var result in results)
        {
            writer.WriteLine(string.Join(',', axes.Select(a => Text(result.Values[a.Name])).Concat(Figures(result))));
        }
    }

    /// <summary>The figure columns after the swept settings.</summary>
    public static readonly string[] Columns =
        ["trades", "round_trips", "volume_usd", "gross_pnl_usd", "fees_usd", "funding_usd", "net_pnl_usd", "max_drawdown_usd", "sharpe", "win_rate", "share_of_oracle", "risk_stop"];

    public static IEnumerable<string> Figures(SweepResult result)
    {
        var t = result.Total;
        return
        [
            Text(t.Trades), Text(t.RoundTrips), Text(Math.Round(t.VolumeUsd, 2)), Text(Math.Round(t.GrossPnlUsd, 6)), Text(Math.Round(t.FeesUsd, 6)),
            Text(Math.Round(t.FundingUsd, 6)), Text(Math.Round(t.NetPnlUsd, 6)), Text(Math.Round(t.MaxDrawdownUsd, 6)),
            t.Sharpe is { } sharpe ? sharpe.ToString("0.####", CultureInfo.InvariantCulture) : "",
            t.WinRate is { } win ? Text(win) : "",
            result.ShareOfOracle is { } share ? Text(share) : "",
            result.RiskStop is { } stop ? Quote(stop) : "",
        ];
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
