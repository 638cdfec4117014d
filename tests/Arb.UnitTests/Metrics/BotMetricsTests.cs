using System.Text;
using System.Text.RegularExpressions;
using Arb.Observability.Metrics;
using Prometheus;

namespace Arb.UnitTests.Metrics;

public sealed class BotMetricsTests
{
    [Fact]
    public async Task The_registry_holds_exactly_the_families_of_MetricNames()
    {
        var text = await ExportAsync(new BotMetrics());

        var families = Regex.Matches(text, "(?m)^# TYPE (\\S+) ").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
        Assert.Equal(MetricNames.All.Order(StringComparer.Ordinal), families);
        Assert.Equal(MetricNames.All.Count, MetricNames.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Two_instances_do_not_share_values()
    {
        var first = new BotMetrics();
        var second = new BotMetrics();
        first.WsReconnected("spot");

        Assert.Contains("ws_reconnect_total{stream=\"spot\"} 1", await ExportAsync(first), StringComparison.Ordinal);
        Assert.DoesNotContain("ws_reconnect_total{stream=\"spot\"}", await ExportAsync(second), StringComparison.Ordinal);
    }

    [Fact]
    public void Trading_state_keeps_exactly_one_state_at_one()
    {
        var metrics = new BotMetrics();
        metrics.SetTradingState("active");
        metrics.SetTradingState("halted");

        Assert.Equal(0, metrics.TradingState.WithLabels("active").Value);
        Assert.Equal(0, metrics.TradingState.WithLabels("reducing").Value);
        Assert.Equal(1, metrics.TradingState.WithLabels("halted").Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.SetTradingState("paused"));
    }

    [Fact]
    public void Buckets_run_one_two_and_a_half_five_per_decade_up_to_the_top()
    {
        Assert.Equal([0.00001, 0.000025, 0.00005, 0.0001], BotMetrics.Buckets(0.00001m, 0.0001m).Buckets!);
        Assert.Equal([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 30], BotMetrics.Buckets(0.001m, 30m).Buckets!);
        Assert.Equal(19, BotMetrics.Buckets(0.00001m, 10m).Buckets!.Length);
    }

    [Fact]
    public void The_readiness_text_lists_every_check()
    {
        var report = new ReadinessReport([new("books_valid", true, "2/2 valid"), new("trading_state", false, "halted")]);

        Assert.False(report.IsReady);
        Assert.Equal("not ready\nok books_valid: 2/2 valid\nfail trading_state: halted\n", report.ToText());
        Assert.False(new ReadinessReport([]).IsReady);
    }

    private static async Task<string> ExportAsync(BotMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
