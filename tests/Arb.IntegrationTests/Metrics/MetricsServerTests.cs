using Arb.IntegrationTests.Support;
using System.Net;
using Arb.Observability.Metrics;

namespace Arb.IntegrationTests.Metrics;

/// <summary>
/// The metrics server on loopback: /metrics passes <c>promtool check metrics</c> (Debian's prometheus package;
/// missing promtool fails the test, never skips it), /healthz and /readyz answer as documented.
/// </summary>
public sealed class MetricsServerTests
{

    [Fact]
    public async Task Metrics_endpoint_exposes_every_family_and_passes_promtool()
    {
        var ct = TestContext.Current.CancellationToken;
        var metrics = FullyPopulated();
        await using var server = await MetricsServer.StartAsync("127.0.0.1", 0, metrics, Ready, ct);
        using var http = new HttpClient { BaseAddress = server.Uri };

        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync(ct);

        foreach (var name in MetricNames.All)
        {
            Assert.Contains($"# TYPE {name} ", text, StringComparison.Ordinal);
            Assert.Matches($"(?m)^{name}(_bucket|_sum|_count)?[{{ ]", text);
        }

        Assert.Contains("ws_reconnect_total{stream=\"spot\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("ws_reconnect_total{stream=\"private\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("risk_violation_total{rule=\"max_drawdown\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("arbbot_trading_state{state=\"reducing\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("arbbot_trading_state{state=\"active\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("arbbot_up 1", text, StringComparison.Ordinal);
        Assert.Contains("arbbot_exposure_usd 2500", text, StringComparison.Ordinal); // set by the before-collect callback

        var (code, output) = await PromtoolCheck.MetricsAsync(text, ct);
        Assert.True(code == 0, $"promtool check metrics exited {code}: {output}");
        Assert.True(string.IsNullOrWhiteSpace(output), $"promtool complained: {output}");
    }

    [Fact]
    public async Task Healthz_is_ok_and_readyz_follows_the_readiness_function()
    {
        var ct = TestContext.Current.CancellationToken;
        var ready = false;
        ReadinessReport Readiness() => new(
        [
            new ReadinessCheck("books_valid", ready, ready ? "4/4 valid" : "0/4 valid"),
            new ReadinessCheck("private_stream_authenticated", true, "yes"),
            new ReadinessCheck("trading_state", true, "active"),
        ]);
        await using var server = await MetricsServer.StartAsync("127.0.0.1", 0, new BotMetrics(), Readiness, ct);
        using var http = new HttpClient { BaseAddress = server.Uri };

        using (var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("ok", (await health.Content.ReadAsStringAsync(ct)).Trim());
        }

        using (var notReady = await http.GetAsync(new Uri("/readyz", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            var body = await notReady.Content.ReadAsStringAsync(ct);
            Assert.StartsWith("not ready\n", body, StringComparison.Ordinal);
            Assert.Contains("fail books_valid: 0/4 valid", body, StringComparison.Ordinal);
            Assert.Contains("ok private_stream_authenticated: yes", body, StringComparison.Ordinal);
            Assert.Contains("ok trading_state: active", body, StringComparison.Ordinal);
        }

        ready = true;
        using (var nowReady = await http.GetAsync(new Uri("/readyz", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, nowReady.StatusCode);
            Assert.StartsWith("ready\n", await nowReady.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_throwing_readiness_function_is_not_ready()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await MetricsServer.StartAsync(
            "localhost", 0, new BotMetrics(), () => throw new InvalidOperationException("engine not started"), ct);
        using var http = new HttpClient { BaseAddress = server.Uri };

        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("engine not started", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    private static ReadinessReport Ready() => new([new ReadinessCheck("books_valid", true, "ok")]);

    /// <summary>A registry where every family has at least one sample.</summary>
    private static BotMetrics FullyPopulated()
    {
        var m = new BotMetrics();
        m.WsReconnected("spot");
        m.WsReconnected("spot");
        m.WsReconnected("private");
        m.RiskViolated("max_drawdown");
        m.WsMessages.WithLabels("linear").Inc(10);
        m.WsMalformedMessages.WithLabels("linear").Inc();
        m.BookResyncs.WithLabels("spot").Inc();
        m.BookStaleness.WithLabels("BTCUSDT", "spot").Set(0.25);
        m.BookValid.WithLabels("BTCUSDT", "linear").Set(1);
        m.QuoteAge.WithLabels("linear").Observe(0.012);
        m.EdgeBps.WithLabels("BTCUSDT", "open").Set(3.5);
        m.OrderSent("BTCUSDT", "spot");
        m.OrderRejected("BTCUSDT", "perp", "110007");
        m.OrderFilled("BTCUSDT", "hedge");
        m.RestRequestDuration.WithLabels("/v5/order/create").Observe(0.045);
        m.TickToOrder.Observe(0.00042);
        m.LegImbalances.WithLabels("BTCUSDT").Inc();
        m.HedgeDuration.Observe(0.8);
        m.PositionUsd.WithLabels("BTCUSDT", "spot").Set(1250);
        m.PositionUsd.WithLabels("BTCUSDT", "perp").Set(-1250);
        m.RealizedPnlUsd.WithLabels("BTCUSDT").Set(1.5);
        m.UnrealizedPnlUsd.WithLabels("BTCUSDT").Set(-0.2);
        m.FeesPaidUsd.WithLabels("BTCUSDT").Set(0.7);
        m.FundingUsd.WithLabels("BTCUSDT").Set(0.1);
        m.EquityUsd.Set(10_000);
        m.SetTradingState("reducing");
        m.TradesToday.WithLabels("BTCUSDT").Set(3);
        m.Error("rest");
        m.AlertsSent.WithLabels("telegram").Inc();
        m.AlertFailures.WithLabels("email").Inc();
        m.StateSaved(TimeSpan.FromMilliseconds(3));
        m.PrivateStreamAuthenticated.Set(1);
        m.AddBeforeCollect(() => m.ExposureUsd.Set(2500));
        return m;
    }
}
