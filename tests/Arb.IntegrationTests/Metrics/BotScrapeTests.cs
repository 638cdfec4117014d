using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Arb.IntegrationTests.Support;
using Arb.Simulator;
using Arb.Simulator.Market;

namespace Arb.IntegrationTests.Metrics;

/// <summary>
/// The metrics of a running bot (against the simulator) as an operator's Prometheus sees them: lint-clean, holding
/// every metric the Grafana dashboard and the alert rules query, and moving when things happen.
/// </summary>
public sealed partial class BotScrapeTests
{
    private const string Symbol = "BTCUSDT";

    [Fact]
    public async Task A_trading_bot_exposes_lint_clean_metrics_with_every_family_the_dashboard_and_alerts_query_and_is_ready()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bot = await StartAsync(new() { ["EXIT_EDGE_BPS"] = "-1000" }, ct);
        await bot.WaitForAsync(e => e.Executions >= 2, TimeSpan.FromSeconds(60), "two executions");
        using var http = new HttpClient();

        var text = await http.GetStringAsync(new Uri(bot.MetricsUri, "metrics"), ct);

        var (code, output) = await PromtoolCheck.MetricsAsync(text, ct);
        Assert.True(code == 0 && string.IsNullOrWhiteSpace(output), $"promtool check metrics: exit {code}: {output}");
        var families = TypeLine().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var name in QueriedMetrics())
        {
            Assert.True(families.Contains(name), $"the dashboard or the alert rules query {name}, which the bot does not expose");
        }

        Assert.True(Sample(text, "arbbot_ws_messages_total{stream=\"spot\"}") > 0);
        Assert.True(Sample(text, $"arbbot_orders_filled_total{{symbol=\"{Symbol}\",leg=\"perp\"}}") >= 1);
        Assert.True(Sample(text, "arbbot_tick_to_order_seconds_count") >= 2);
        Assert.True(Sample(text, "arbbot_state_saves_total") >= 1);
        Assert.Equal(1, Sample(text, "arbbot_trading_state{state=\"active\"}"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(bot.MetricsUri, "healthz"), ct)).StatusCode);
        var ready = await http.GetAsync(new Uri(bot.MetricsUri, "readyz"), ct);
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task A_forced_reconnect_raises_ws_reconnect_total_and_a_forced_risk_stop_raises_risk_violation_total()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bot = await StartAsync(
            new() { ["EXIT_EDGE_BPS"] = "1000", ["ERROR_LIMIT"] = "2" }, ct, r => r.StopCloseTimeout = TimeSpan.FromSeconds(20));
        await bot.WaitForAsync(e => e.Executions >= 1 && bot.Booked(Symbol).Perp != 0m, TimeSpan.FromSeconds(60), "an open position");
        using var http = new HttpClient();
        var metrics = new Uri(bot.MetricsUri, "metrics");
        Assert.Equal(0, Sample(await http.GetStringAsync(metrics, ct), "ws_reconnect_total{stream=\"spot\"}"));

        bot.Simulator.DropConnections();

        Assert.True(
            await Eventually.TrueAsync(() => Sample(http.GetStringAsync(metrics, ct).Result, "ws_reconnect_total{stream=\"spot\"}") >= 1, TimeSpan.FromSeconds(20)),
            "ws_reconnect_total did not move after the connections were cut");

        bot.Simulator.PauseQuotes(TimeSpan.FromSeconds(60)); // the stop cannot close: the bot stays up to be scraped
        bot.Engine.RecordError("test: first");
        bot.Engine.RecordError("test: second");

        var text = await http.GetStringAsync(metrics, ct);
        Assert.Equal(1, Sample(text, "risk_violation_total{rule=\"error_limit\"}"));
        Assert.Equal(1, Sample(text, "arbbot_trading_state{state=\"reducing\"}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri(bot.MetricsUri, "readyz"), ct)).StatusCode);
    }

    private static Task<BotAgainstSimulator> StartAsync(
        Dictionary<string, string?> settings, CancellationToken ct, Action<Arb.Cli.Trading.TradingRunner>? configure = null)
    {
        settings["ENTRY_EDGE_BPS"] = "-100";
        settings["TRADE_COOLDOWN_SEC"] = "0";
        settings["ALLOW_REVERSE"] = "false";
        settings["STATE_SAVE_SEC"] = "0.5";
        return BotAgainstSimulator.StartAsync(
            new SimulatorOptions { Symbols = [Symbol], Market = new SimMarketOptions { AnnualVolatility = 0.01, DislocationsPerHour = 0, BasisNoiseBps = 0.05 } },
            settings,
            ct,
            configure: configure);
    }

    // Every metric family named in the dashboard's and the alert rules' expressions (histogram series by family).
    private static IReadOnlySet<string> QueriedMetrics()
    {
        var root = RepositoryRoot();
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "deploy", "grafana", "arbbot-dashboard.json")));
        var expressions = new List<string>();
        Collect(dashboard.RootElement, expressions);
        expressions.Add(File.ReadAllText(Path.Combine(root, "deploy", "prometheus", "alerts.yml")));
        return expressions.SelectMany(e => MetricName().Matches(e).Select(m => m.Value))
            .Select(n => Regex.Replace(n, "_(bucket|sum|count)$", string.Empty, RegexOptions.CultureInvariant))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static void Collect(JsonElement element, List<string> expressions)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "expr" && property.Value.ValueKind == JsonValueKind.String)
                {
                    expressions.Add(property.Value.GetString()!);
                }
                else
                {
                    Collect(property.Value, expressions);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, expressions);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arb.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root (Arb.slnx) is not above the test binaries");
    }

    private static double Sample(string exposition, string series)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(series.Length + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    [GeneratedRegex(@"(?m)^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) ")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"\b(arbbot_[a-z_]+|ws_reconnect_total|risk_violation_total)\b")]
    private static partial Regex MetricName();
}
