using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Arb.IntegrationTests.Support;

/// <summary>
/// A loopback HTTP server standing in for the Telegram Bot API: it records every request and answers with the
/// status and body set in <see cref="Answer"/> (by default Telegram's success shape).
/// </summary>
internal sealed class FakeTelegramServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _requests = new();

    private FakeTelegramServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public (int Status, string Body) Answer { get; set; } = (200, """{"ok":true,"result":{"message_id":1}}""");

    public IReadOnlyList<Request> Requests => [.. _requests];

    public static async Task<FakeTelegramServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeTelegramServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new Request(context.Request.Method, context.Request.Path.Value ?? "", context.Request.ContentType, body));
        var (status, answer) = Answer;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }

    public sealed record Request(string Method, string Path, string? ContentType, string Body);
}
