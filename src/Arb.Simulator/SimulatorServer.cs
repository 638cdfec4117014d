using System.Net;
using Arb.Domain.Market;
using Arb.Simulator.Auth;
using Arb.Simulator.Market;
using Arb.Simulator.Streams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Arb.Simulator;

/// <summary>
/// The Bybit-compatible exchange on loopback: one port serving the V5 REST paths and the public WebSocket
/// streams, with a background loop that steps the synthetic market and publishes what changed.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<PublicStreamSession, byte> _sessions = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<PrivateStreamSession, byte> _privateSessions = new();
    private Task _stepping = Task.CompletedTask;
    private long _pausedUntilTimestamp;

    private SimulatorServer(WebApplication app, SimMarket market, TimeProvider time, SkewedTimeProvider exchangeClock, CredentialStore credentials)
    {
        _app = app;
        _time = time;
        Market = market;
        ExchangeClock = exchangeClock;
        Credentials = credentials;
        RestFaults = new Control.RestFaults(exchangeClock);
        Accounts = new Trading.AccountRegistry(credentials);
        Engine = new Trading.MatchingEngine(market);
        AccountEvents = new AccountEventPublisher(market, Accounts, () => _privateSessions.Keys);
        Stepped += AccountEvents.FlushAll;
        AccountChanged += account => AccountEvents.Flush(account, Market.NowMs); // pushes right after REST changes an account
        SpotFeed = new PublicFeed(market, MarketCategory.Spot);
        LinearFeed = new PublicFeed(market, MarketCategory.Linear);
    }

    public SimMarket Market { get; }

    /// <summary>The exchange's clock as clients see it (host time plus the clock-skew fault).</summary>
    public SkewedTimeProvider ExchangeClock { get; }

    /// <summary>The API keys accepted on signed endpoints (the sandbox pair and any added).</summary>
    public CredentialStore Credentials { get; }

    public Control.RestFaults RestFaults { get; }

    public Control.OrderFaults OrderFaults { get; } = new();

    /// <summary>One account per API key, opened with starting balances on first use.</summary>
    public Trading.AccountRegistry Accounts { get; }

    /// <summary>Matches orders against the synthetic books; callers hold <see cref="SimMarket.Gate"/>.</summary>
    public Trading.MatchingEngine Engine { get; }

    /// <summary>
    /// Raised under <see cref="SimMarket.Gate"/> after a REST call changed an account (order created, cancelled,
    /// leverage set); the private stream pushes the account's pending events from here.
    /// </summary>
    internal event Action<Trading.SimAccount>? AccountChanged;

    /// <summary>Called under the gate after each step with the time of the step (the private stream pushes account events here).</summary>
    internal event Action<long>? Stepped;

    /// <summary>The REST base, e.g. <c>http://127.0.0.1:PORT</c> (what <c>BYBIT_REST_URL</c> takes).</summary>
    public Uri RestUri { get; private set; } = null!;

    /// <summary>The WebSocket base, e.g. <c>ws://127.0.0.1:PORT</c> (what <c>BYBIT_WS_URL</c> takes).</summary>
    public Uri WebSocketUri { get; private set; } = null!;

    internal AccountEventPublisher AccountEvents { get; }

    internal PublicFeed SpotFeed { get; }

    internal PublicFeed LinearFeed { get; }

    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, TimeProvider? time = null, ILoggerFactory? loggers = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggers is not null)
        {
            builder.Logging.AddProvider(new ForwardingLoggerProvider(loggers));
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var market = new SimMarket(options.Symbols.Select(SimInstrument.For), options.Market, time.GetUtcNow().ToUnixTimeMilliseconds());
        var exchangeClock = new SkewedTimeProvider(time);
        var server = new SimulatorServer(app, market, time, exchangeClock, new CredentialStore(options.Credentials));
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/v5") && !context.WebSockets.IsWebSocketRequest
                && await server.RestFaults.InterceptAsync(context))
            {
                return;
            }

            await next(context);
        });
        app.UseWebSockets();
        server.MapStreams(app);
        Rest.MarketEndpoints.Map(app, market, exchangeClock);
        var verifier = new SignedRequestVerifier(server.Credentials, new UidRateLimiter(options.EnforceRateLimits), exchangeClock);
        Rest.AccountEndpoints.Map(app, server, verifier);
        Rest.TradingEndpoints.Map(app, server, verifier);
        Control.ControlEndpoints.Map(app, server);
        await app.StartAsync(ct);
        var address = new Uri(app.Urls.First());
        server.RestUri = new Uri($"http://127.0.0.1:{address.Port}");
        server.WebSocketUri = new Uri($"ws://127.0.0.1:{address.Port}");
        server._stepping = Task.Run(() => server.StepAsync(server._stopping.Token), CancellationToken.None);
        return server;
    }

    /// <summary>Advances the market one step now (tests drive the market themselves with a manual clock).</summary>
    public void StepNow()
    {
        lock (Market.Gate)
        {
            var paused = _pausedUntilTimestamp != 0 && _time.GetTimestamp() < _pausedUntilTimestamp;
            SpotFeed.Paused = LinearFeed.Paused = paused;
            var settlements = Market.Step(_time.GetUtcNow().ToUnixTimeMilliseconds());
            Engine.OnMarketStep(Market.NowMs); // resting orders the new books cross fill as makers
            foreach (var settlement in settlements)
            {
                Engine.SettleFunding(settlement, Market.Find(settlement.Symbol)!, Accounts.All);
            }

            SpotFeed.Publish(Market.NowMs);
            LinearFeed.Publish(Market.NowMs);
            Stepped?.Invoke(Market.NowMs);
        }
    }

    /// <summary>Tells the private stream that <paramref name="account"/> changed; callers hold <see cref="SimMarket.Gate"/>.</summary>
    internal void NotifyAccountChanged(Trading.SimAccount account) => AccountChanged?.Invoke(account);

    /// <summary>Fault: cuts every WebSocket connection; returns how many there were.</summary>
    public int DropConnections()
    {
        var count = 0;
        foreach (var socket in _sessions.Keys.Select(s => s.Socket).Concat(_privateSessions.Keys.Select(s => s.Socket)))
        {
            socket.Abort();
            count++;
        }

        return count;
    }

    /// <summary>Control: the basis of <paramref name="symbol"/> jumps by <paramref name="bps"/> at once; false for an unknown symbol.</summary>
    public bool Dislocate(string symbol, double bps)
    {
        lock (Market.Gate)
        {
            if (Market.Find(symbol) is not { } market)
            {
                return false;
            }

            market.Dislocate(bps);
            return true;
        }
    }

    /// <summary>Fault: cuts only the private-stream connections; returns how many there were.</summary>
    public int DropPrivateConnections()
    {
        var count = 0;
        foreach (var session in _privateSessions.Keys)
        {
            session.Socket.Abort();
            count++;
        }

        return count;
    }

    /// <summary>Fault: connections stay open but no market data is published for <paramref name="duration"/>.</summary>
    public void PauseQuotes(TimeSpan duration)
    {
        lock (Market.Gate)
        {
            _pausedUntilTimestamp = _time.GetTimestamp() + (long)(duration.TotalSeconds * _time.TimestampFrequency);
        }
    }

    public void ResumeQuotes()
    {
        lock (Market.Gate)
        {
            _pausedUntilTimestamp = 0;
        }
    }

    /// <summary>Fault: the next delta of every order-book stream skips one update id.</summary>
    public void SkipSequence()
    {
        lock (Market.Gate)
        {
            SpotFeed.SkipNextUpdateIds();
            LinearFeed.SkipNextUpdateIds();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _stepping.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private void MapStreams(IEndpointRouteBuilder routes)
    {
        routes.Map("/v5/public/spot", context => AcceptAsync(context, SpotFeed));
        routes.Map("/v5/public/linear", context => AcceptAsync(context, LinearFeed));
        routes.Map("/v5/private", AcceptPrivateAsync);
    }

    private Task AcceptAsync(HttpContext context, PublicFeed feed) => AcceptSessionAsync(
        context,
        _sessions,
        socket => new PublicStreamSession(socket, feed, Market, PublicStreamSession.NewConnectionId()),
        (session, ct) => session.RunAsync(ct));

    private Task AcceptPrivateAsync(HttpContext context) => AcceptSessionAsync(
        context,
        _privateSessions,
        socket => new PrivateStreamSession(socket, Credentials, ExchangeClock, PublicStreamSession.NewConnectionId()),
        (session, ct) => session.RunAsync(ct));

    // Upgrades the request, keeps the session in its registry (faults reach it there) until it ends.
    private async Task AcceptSessionAsync<TSession>(
        HttpContext context,
        System.Collections.Concurrent.ConcurrentDictionary<TSession, byte> registry,
        Func<System.Net.WebSockets.WebSocket, TSession> open,
        Func<TSession, CancellationToken, Task> run)
        where TSession : notnull
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = open(socket);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        registry[session] = 0;
        try
        {
            await run(session, linked.Token);
        }
        finally
        {
            registry.TryRemove(session, out _);
        }
    }

    private async Task StepAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Market.Options.Step, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                StepNow();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
