using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Arb.UnitTests.Deploy;

/// <summary>
/// Checks the operator files under deploy/: Prometheus config and alert rules pass promtool, and the
/// Grafana dashboard and alert expressions only use the bot's metric names and cover every metric family.
/// </summary>
public sealed partial class DeployFilesTests
{
    /// <summary>The metric families the bot exposes (the contract with the metrics registry), with their types.</summary>
    private static readonly Dictionary<string, string> Families = new(StringComparer.Ordinal)
    {
        ["ws_reconnect_total"] = "counter",
        ["risk_violation_total"] = "counter",
        ["arbbot_ws_messages_total"] = "counter",
        ["arbbot_ws_malformed_messages_total"] = "counter",
        ["arbbot_book_resyncs_total"] = "counter",
        ["arbbot_book_staleness_seconds"] = "gauge",
        ["arbbot_book_valid"] = "gauge",
        ["arbbot_quote_age_seconds"] = "histogram",
        ["arbbot_edge_bps"] = "gauge",
        ["arbbot_orders_sent_total"] = "counter",
        ["arbbot_orders_rejected_total"] = "counter",
        ["arbbot_orders_filled_total"] = "counter",
        ["arbbot_rest_request_duration_seconds"] = "histogram",
        ["arbbot_tick_to_order_seconds"] = "histogram",
        ["arbbot_leg_imbalances_total"] = "counter",
        ["arbbot_hedge_duration_seconds"] = "histogram",
        ["arbbot_position_usd"] = "gauge",
        ["arbbot_exposure_usd"] = "gauge",
        ["arbbot_realized_pnl_usd"] = "gauge",
        ["arbbot_unrealized_pnl_usd"] = "gauge",
        ["arbbot_fees_paid_usd"] = "gauge",
        ["arbbot_funding_usd"] = "gauge",
        ["arbbot_equity_usd"] = "gauge",
        ["arbbot_trading_state"] = "gauge",
        ["arbbot_trades_today"] = "gauge",
        ["arbbot_errors_total"] = "counter",
        ["arbbot_alerts_sent_total"] = "counter",
        ["arbbot_alert_failures_total"] = "counter",
        ["arbbot_state_saves_total"] = "counter",
        ["arbbot_state_save_duration_seconds"] = "histogram",
        ["arbbot_up"] = "gauge",
        ["arbbot_private_stream_authenticated"] = "gauge",
    };

    private static readonly HashSet<string> PromQlKeywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right",
        "Inf", "inf", "NaN", "nan",
    };

    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];

    private static readonly string[] AlertNames =
    [
        "BotDown", "NoQuotes", "ReconnectStorm", "RiskStop", "LegImbalance", "DrawdownNearLimit", "ErrorsRising",
        "AlertDeliveryFailing",
    ];

    private static readonly Lazy<string> Root = new(FindRepoRoot);

    private static string PrometheusConfig => Path.Combine(Root.Value, "deploy", "prometheus", "prometheus.yml");

    private static string AlertRules => Path.Combine(Root.Value, "deploy", "prometheus", "alerts.yml");

    private static string Dashboard => Path.Combine(Root.Value, "deploy", "grafana", "arbbot-dashboard.json");

    [Fact]
    public void Promtool_accepts_the_prometheus_config()
    {
        var (exit, output) = RunPromtool("check", "config", PrometheusConfig);

        Assert.True(exit == 0, $"promtool check config failed ({exit}):\n{output}");
    }

    [Fact]
    public void Promtool_accepts_the_alert_rules()
    {
        var (exit, output) = RunPromtool("check", "rules", AlertRules);

        Assert.True(exit == 0, $"promtool check rules failed ({exit}):\n{output}");
    }

    [Fact]
    public void Prometheus_config_scrapes_the_bot_every_5s_and_loads_the_alerts()
    {
        var text = File.ReadAllText(PrometheusConfig);

        Assert.Contains("job_name: arbbot", text, StringComparison.Ordinal);
        Assert.Contains("\"127.0.0.1:8000\"", text, StringComparison.Ordinal);
        Assert.Contains("scrape_interval: 5s", text, StringComparison.Ordinal);
        Assert.Contains("- alerts.yml", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_rule_is_present_with_for_severity_and_annotations()
    {
        var rules = ReadAlertRules();

        Assert.Equal(AlertNames.Order(StringComparer.Ordinal), rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var rule in rules)
        {
            Assert.True(Regex.IsMatch(rule.Body, @"^\s+for: \S+$", RegexOptions.Multiline), $"{rule.Name} has no for:");
            Assert.True(Regex.IsMatch(rule.Body, @"^\s+severity: (critical|warning)$", RegexOptions.Multiline), $"{rule.Name} has no severity");
            Assert.True(Regex.IsMatch(rule.Body, @"^\s+summary: \S", RegexOptions.Multiline), $"{rule.Name} has no summary");
            Assert.True(Regex.IsMatch(rule.Body, @"^\s+description: \S", RegexOptions.Multiline), $"{rule.Name} has no description");
        }
    }

    [Fact]
    public void Alert_expressions_only_use_known_metric_names()
    {
        foreach (var rule in ReadAlertRules())
        {
            var metrics = MetricNames(rule.Expr);

            Assert.True(metrics.Count > 0, $"{rule.Name}: no metric in '{rule.Expr}'");
            foreach (var metric in metrics)
                Assert.True(IsKnownSeries(metric), $"{rule.Name}: unknown metric '{metric}' in '{rule.Expr}'");
        }
    }

    [Fact]
    public void Drawdown_alert_documents_its_constant_as_max_drawdown_usd()
    {
        var rule = Assert.Single(ReadAlertRules(), r => r.Name == "DrawdownNearLimit");

        Assert.Contains("MAX_DRAWDOWN_USD", rule.Body, StringComparison.Ordinal);
        Assert.Contains("sum(arbbot_realized_pnl_usd) + sum(arbbot_unrealized_pnl_usd)", rule.Expr, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_is_a_grafana_dashboard_on_a_prometheus_datasource_input()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Dashboard));
        var root = doc.RootElement;

        Assert.InRange(root.GetProperty("schemaVersion").GetInt32(), 36, 41);
        var input = Assert.Single(root.GetProperty("__inputs").EnumerateArray());
        Assert.Equal("DS_PROMETHEUS", input.GetProperty("name").GetString());
        Assert.Equal("prometheus", input.GetProperty("pluginId").GetString());

        var panels = DataPanels(root).ToList();
        Assert.True(panels.Count >= 20, $"only {panels.Count} panels");
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        foreach (var panel in panels)
        {
            Assert.Equal("${DS_PROMETHEUS}", panel.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.NotEmpty(panel.GetProperty("targets").EnumerateArray());
        }
    }

    [Fact]
    public void Dashboard_expressions_only_use_known_metric_names()
    {
        foreach (var (title, expr) in DashboardExpressions())
        {
            var metrics = MetricNames(expr);

            Assert.True(metrics.Count > 0, $"panel '{title}': no metric in '{expr}'");
            foreach (var metric in metrics)
                Assert.True(IsKnownSeries(metric), $"panel '{title}': unknown metric '{metric}' in '{expr}'");
        }
    }

    [Fact]
    public void Every_metric_family_is_on_the_dashboard()
    {
        var used = DashboardExpressions()
            .SelectMany(e => MetricNames(e.Expr))
            .Select(FamilyOf)
            .ToHashSet(StringComparer.Ordinal);

        var missing = Families.Keys.Where(f => !used.Contains(f)).ToList();

        Assert.True(missing.Count == 0, "not on the dashboard: " + string.Join(", ", missing));
    }

    [Fact]
    public void Dashboard_histograms_are_read_through_buckets()
    {
        foreach (var (title, expr) in DashboardExpressions())
        {
            foreach (var metric in MetricNames(expr).Where(m => Families.TryGetValue(m, out var type) && type == "histogram"))
                Assert.Fail($"panel '{title}' reads histogram '{metric}' without _bucket/_sum/_count");
        }
    }

    [Fact]
    public void Promtool_accepts_the_dashboard_expressions()
    {
        // promtool has no expression checker of its own: wrap each expression in a recording rule.
        var lines = new List<string> { "groups:", "  - name: dashboard", "    rules:" };
        var n = 0;
        foreach (var (_, expr) in DashboardExpressions())
        {
            var concrete = expr.Replace("$__rate_interval", "1m", StringComparison.Ordinal);
            lines.Add($"      - record: dashboard:expr_{n++}");
            lines.Add("        expr: " + JsonSerializer.Serialize(concrete));
        }

        var file = Path.Combine(Path.GetTempPath(), $"arbbot-dashboard-rules-{Guid.NewGuid():N}.yml");
        File.WriteAllLines(file, lines);
        try
        {
            var (exit, output) = RunPromtool("check", "rules", file);
            Assert.True(exit == 0, $"promtool rejects a dashboard expression ({exit}):\n{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Metric_name_extraction_ignores_functions_labels_strings_and_durations()
    {
        var names = MetricNames(
            "histogram_quantile(0.99, sum by (le, endpoint) (rate(arbbot_rest_request_duration_seconds_bucket{endpoint=~\"order_.*\"}[$__rate_interval])))"
            + " or on (job) up{job=\"arbbot\"} == bool 0 unless foo_bar offset 5m");

        Assert.Equal(["arbbot_rest_request_duration_seconds_bucket", "up", "foo_bar"], names);
        Assert.False(IsKnownSeries("foo_bar"));
        Assert.False(IsKnownSeries("arbbot_up_bucket"));
        Assert.True(IsKnownSeries("arbbot_hedge_duration_seconds_count"));
    }

    private static bool IsKnownSeries(string name) =>
        name == "up"
        || Families.ContainsKey(name)
        || HistogramSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)
            && Families.TryGetValue(name[..^s.Length], out var type) && type == "histogram");

    private static string FamilyOf(string name)
    {
        foreach (var suffix in HistogramSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && Families.ContainsKey(name[..^suffix.Length]))
                return name[..^suffix.Length];
        }

        return name;
    }

    /// <summary>
    /// The identifiers of a PromQL expression that name series: what is left after removing strings,
    /// label matchers, grouping clauses, durations, function calls, keywords and numbers.
    /// </summary>
    private static List<string> MetricNames(string expr)
    {
        var s = StringLiteral().Replace(expr, "\"\"");
        s = LabelMatchers().Replace(s, " ");
        s = Grouping().Replace(s, " ");
        s = Durations().Replace(s, " ");
        s = OffsetDuration().Replace(s, " ");
        var names = new List<string>();
        foreach (Match m in Identifier().Matches(s))
        {
            var rest = s[(m.Index + m.Length)..].TrimStart();
            if (rest.StartsWith('(') || PromQlKeywords.Contains(m.Value))
                continue;
            names.Add(m.Value);
        }

        return names;
    }

    private static IEnumerable<JsonElement> DataPanels(JsonElement root)
    {
        foreach (var panel in root.GetProperty("panels").EnumerateArray())
        {
            if (panel.GetProperty("type").GetString() == "row")
            {
                foreach (var inner in panel.GetProperty("panels").EnumerateArray())
                    yield return inner;
            }
            else
            {
                yield return panel;
            }
        }
    }

    private static List<(string Title, string Expr)> DashboardExpressions()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Dashboard));
        var list = new List<(string, string)>();
        foreach (var panel in DataPanels(doc.RootElement))
        {
            var title = panel.GetProperty("title").GetString() ?? "";
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
                list.Add((title, target.GetProperty("expr").GetString() ?? ""));
        }

        Assert.NotEmpty(list);
        return list;
    }

    private sealed record AlertRule(string Name, string Expr, string Body);

    /// <summary>Splits alerts.yml into its rules (the file keeps each rule's expr on one line).</summary>
    private static List<AlertRule> ReadAlertRules()
    {
        var text = File.ReadAllText(AlertRules).ReplaceLineEndings("\n");
        var starts = AlertStart().Matches(text);
        var rules = new List<AlertRule>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : text.Length;
            var body = text[starts[i].Index..end];
            var expr = ExprLine().Match(body);
            Assert.True(expr.Success, $"alert {starts[i].Groups[1].Value} has no one-line expr");
            rules.Add(new AlertRule(starts[i].Groups[1].Value, expr.Groups[1].Value.Trim(), body));
        }

        return rules;
    }

    private static (int Exit, string Output) RunPromtool(params string[] args)
    {
        var promtool = FindPromtool();
        if (promtool is null)
        {
            Assert.Fail("promtool not found on PATH: install it (Debian/Ubuntu: `apt-get install -y prometheus`, "
                + "or take it from a Prometheus release tarball) to check deploy/prometheus.");
        }

        var psi = new ProcessStartInfo(promtool!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            psi.ArgumentList.Add(arg);

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("promtool did not finish within 60 s");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? FindPromtool()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin"))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "promtool.exe" : "promtool");
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arb.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Arb.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Durations();

    [GeneratedRegex(@"\boffset\s+-?[0-9a-z]+")]
    private static partial Regex OffsetDuration();

    [GeneratedRegex(@"(?<![A-Za-z0-9_:.$])[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^      - alert: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex AlertStart();

    [GeneratedRegex(@"^\s+expr: (.+)$", RegexOptions.Multiline)]
    private static partial Regex ExprLine();
}
