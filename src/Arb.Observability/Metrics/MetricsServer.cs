using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Arb.Observability.Metrics;

/// <summary>
/// The bot's HTTP endpoints on <c>PROM_HOST:PROM_PORT</c>, served by a minimal Kestrel app (not prometheus-net's
/// own MetricServer, which serves a single path):
/// <list type="bullet">
/// <item><c>GET /metrics</c>: the Prometheus text exposition of <see cref="BotMetrics.Registry"/>;</item>
/// <item><c>GET /healthz</c>: 200 <c>ok</c> while the process is up;</item>
/// <item><c>GET /readyz</c>: 200 when the readiness function reports ready, else 503; the body lists the checks (<see cref="ReadinessReport.ToText"/>).</item>
/// </list>
/// </summary>
public sealed class MetricsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsServer(WebApplication app, Uri uri)
    {
        _app = app;
        Uri = uri;
    }

    /// <summary>The bound base address, e.g. <c>http://127.0.0.1:8000/</c> (the real port when started with port 0).</summary>
    public Uri Uri { get; }

    /// <summary>
    /// Starts listening on <paramref name="host"/> (an IP address, <c>localhost</c> or a host name, resolved once)
    /// and <paramref name="port"/> (0 picks a free port; see <see cref="Uri"/>).
    /// </summary>
    /// <param name="readiness">Called on each <c>/readyz</c> request; must be cheap and thread-safe. An exception counts as not ready.</param>
    public static async Task<MetricsServer> StartAsync(
        string host, int port, BotMetrics metrics, Func<ReadinessReport> readiness, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65_535);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(readiness);

        var address = await ResolveAsync(host, ct);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        var app = builder.Build();

        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        });
        app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain"));
        app.MapGet("/readyz", () =>
        {
            ReadinessReport report;
            try
            {
                report = readiness();
            }
#pragma warning disable CA1031 // A failing readiness function means not ready, never a 500.
            catch (Exception e)
#pragma warning restore CA1031
            {
                report = new ReadinessReport([new ReadinessCheck("readiness", false, $"{e.GetType().Name}: {e.Message}")]);
            }

            return Results.Text(report.ToText(), "text/plain", statusCode: report.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });

        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var bound = new Uri(app.Urls.First());
        var shown = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return new MetricsServer(app, new Uri($"http://{shown}:{bound.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var ip))
        {
            return ip;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, ct);
        return addresses.Length > 0 ? addresses[0] : throw new ArgumentException($"Host '{host}' resolves to no address.", nameof(host));
    }
}
