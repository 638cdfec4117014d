using System.Threading.Channels;
using Arb.Bybit.MarketData;
using Arb.Bybit.Rest;
using Arb.Bybit.Streams;
using Arb.Bybit.Trading;
using Arb.Cli.Alerts;
using Arb.Cli.Record;
using Arb.Cli.Run.Status;
using Arb.Cli.Settings;
using Arb.Domain.Alerts;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;
using Arb.Engine.Journals;
using Arb.Engine.Learning;
using Arb.Engine.Recovery;
using Arb.Engine.Risk;
using Arb.Engine.State;
using Arb.Engine.Trading;
using Arb.Observability.Alerts;
using Arb.Observability.Metrics;
using Arb.Strategy.Edge;
using Arb.Strategy.Sizing;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Trading;

/// <summary>
/// <c>arbbot run</c> with trading: start-up against the exchange, then market data into the engine, orders to the
/// venue, account events back, trades.csv and pnl.csv, until cancelled. On cancel no new trade starts, executions
/// in flight finish and hedge (the streams and REST stay up for that), a last PnL row is written, then it returns.
/// </summary>
internal sealed partial class TradingRunner(BotSettings settings, TradingMode mode, TimeProvider time, ILoggerFactory loggers, bool freshStart = false)
{
    private readonly ILogger _logger = loggers.CreateLogger<TradingRunner>();

    /// <summary>How long a stop waits for executions in flight before cancelling them.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Set once start-up succeeded.</summary>
    public TradingEngine? Engine { get; private set; }

    public MarketDataPipeline? Pipeline { get; private set; }

    /// <summary>Optional (<c>run --record</c>): records the market data exactly as the engine receives it; started and stopped by its owner.</summary>
    public MarketRecorder? Recorder { get; init; }

    public PrivateStreamClient? PrivateStream { get; private set; }

    /// <summary>Completes when the engine is built and streams are starting (for tests and the console view).</summary>
    public Task Started => _started.Task;

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long a risk stop may take to close every position before the bot gives up and exits with them reported.</summary>
    public TimeSpan StopCloseTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the PnL is read into the risk manager.</summary>
    public TimeSpan RiskInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs until cancelled (exit code 0) or until a risk stop closed every position (<see cref="ExitCodes.RiskStop"/>).</summary>
    /// <exception cref="StartupException">The exchange is unreachable or a symbol cannot be traded.</exception>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var paper = mode == TradingMode.Paper;
        var endpoints = settings.Exchange.ResolveEndpoints();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var credentials = paper || !settings.HasApiKeys
            ? null
            : new ApiCredentials(settings.Exchange.ApiKey.Reveal(), settings.Exchange.ApiSecret.Reveal());
        var rest = new BybitRestClient(http, new BybitRestOptions(endpoints.Rest) { Credentials = credentials }, time, loggers.CreateLogger<BybitRestClient>());
        var startup = new TradingStartup(rest, settings, _logger);
        var setups = await startup.PrepareAsync(paper, symbol => EngineConfiguration.Estimator(settings, symbol), ct);

        var store = new StateStore(settings.Persistence.StateFile, settings.Persistence.StateBackupFile);
        var loaded = LoadState(store);
        using var trades = new TradeJournal(settings.Persistence.TradesLog);
        using var pnl = new PnlJournal(settings.Persistence.PnlLog);
        using var infrastructure = new CancellationTokenSource();
        var background = new List<Task>();
        await using var alerts = AlertWiring.Create(settings.Alerts, loggers, time);
        var risk = new RiskManager(settings.Risk.ToRiskLimits(), time);
        var (venue, events) = CreateVenue(paper, endpoints.Private, credentials, rest, setups);
        var engine = new TradingEngine(setups, EngineOptions(), venue.Venue, time, loggers, trades, risk, alerts);
        Engine = engine;
        var metrics = new BotMetrics();
        engine.Metrics = new EngineMetricsAdapter(metrics);
        rest.RequestCompleted = (endpoint, took) => metrics.RestRequestDuration.WithLabels(endpoint).Observe(took.TotalSeconds);
        var refresh = new MetricsRefresh(metrics, this, engine, risk, alerts, time);
        metrics.AddBeforeCollect(refresh.Refresh);
        await using var metricsServer = await StartMetricsAsync(metrics, refresh, ct);
        Pipeline = new MarketDataPipeline(
            StreamOptions(MarketCategory.Spot, endpoints.PublicSpot),
            StreamOptions(MarketCategory.Linear, endpoints.PublicLinear),
            Recorded(venue.Listener is { } feed ? new FanOutListener(feed, engine) : engine),
            time,
            loggers)
        {
            RawFrames = Recorder,
        };

        var sessionStart = loaded?.SessionStartedAt ?? time.GetUtcNow();
        await ReconcileAsync(engine, venue.Venue, loaded, alerts, ct);
        var saver = new StateSaver(
            store,
            () => StateSnapshots.Capture(engine, sessionStart, risk.Capture(), time.GetUtcNow()),
            settings.Persistence.StateSaveInterval,
            loggers.CreateLogger<StateSaver>(),
            what => engine.RecordError(what, "state_save"));
        saver.SaveNow();
        engine.FillBooked += saver.RequestSave;
        saver.Saved += seconds => metrics.StateSaved(TimeSpan.FromSeconds(seconds));
        background.Add(saver.RunAsync(infrastructure.Token));
        engine.ResumeStop();

        if (events is not null)
        {
            background.Add(new AccountEventPump(events, engine, loggers.CreateLogger<AccountEventPump>()).RunAsync(infrastructure.Token));
        }

        if (PrivateStream is not null)
        {
            background.Add(PrivateStream.RunAsync(infrastructure.Token));
        }

        background.Add(Pipeline.RunAsync(infrastructure.Token));
        background.Add(new PnlRecorder(pnl, engine, settings.Persistence.PnlLogInterval, time).RunAsync(infrastructure.Token));
        background.Add(venue.RunAsync(engine, infrastructure.Token));
        background.Add(new StatusView(loggers.CreateLogger("status"), time).RunAsync(engine.Status, infrastructure.Token));
        background.Add(engine.MonitorRiskAsync(RiskInterval, infrastructure.Token));
        var online = OnlineLearning(startup.Estimators, engine);
        if (online is not null)
        {
            background.Add(online.RunAsync(infrastructure.Token));
        }
        background.Add(new ReconnectWatch(this, alerts, time).RunAsync(infrastructure.Token));
        LogTrading(mode.ToString().ToLowerInvariant(), string.Join(',', setups.Select(s => s.Symbol)), settings.Persistence.TradesLog);
        _started.TrySetResult();

        var exitCode = await WaitForEndAsync(engine, risk, alerts, ct);
        await StopAsync(engine, pnl);
        saver.SaveNow();
        online?.SaveNow();
        await infrastructure.CancelAsync();
        await Task.WhenAll(background).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return exitCode;
    }

    // Ctrl+C ends the run with 0; a risk stop ends it with RiskStop once every position is closed, or after
    // StopCloseTimeout with the positions left reported (a stop while closing does not loop).
    private async Task<int> WaitForEndAsync(TradingEngine engine, RiskManager risk, AlertDispatcher alerts, CancellationToken ct)
    {
        var cancelled = Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
        if (await Task.WhenAny(cancelled, engine.Stopped) == cancelled)
        {
            return ExitCodes.Ok;
        }

        var stopped = await engine.Stopped;
        try
        {
            await engine.Halted.WaitAsync(StopCloseTimeout, time, ct);
        }
        catch (TimeoutException)
        {
            risk.Halt();
            var left = string.Join("; ", engine.Status().Symbols.Select(s => $"{s.Symbol} spot {s.SpotQuantity} perp {s.PerpQuantity}"));
            LogCloseFailed(StopCloseTimeout.TotalSeconds, left);
            alerts.Publish(new Alert(AlertKind.RiskStop, "risk stop: positions could not all be closed",
                $"{stopped.Message}. After {StopCloseTimeout.TotalSeconds} s these remain: {left}. Exiting; close them by hand.", time.GetUtcNow()));
        }
        catch (OperationCanceledException)
        {
        }

        return ExitCodes.RiskStop;
    }

    // The state file, or its backup when the main file is bad (alerted once the alert channels are up); with
    // --fresh-start the files are not read at all and the exchange's positions are adopted.
    private BotState? LoadState(StateStore store)
    {
        if (freshStart)
        {
            LogFreshStart(store.MainPath);
            return null;
        }

        StateLoadResult result;
        try
        {
            result = store.Load();
        }
        catch (StateLoadException ex)
        {
            throw new StartupException(ex.Message, ex);
        }

        _stateIssue = result.MainIssue is { } issue && result.UsedBackup
            ? $"{issue.Path} was unusable ({issue.Problem}: {issue.Detail}); the backup {store.BackupPath} from {result.State!.SavedAt:yyyy-MM-dd HH:mm:ss} UTC was loaded"
            : null;
        if (result.State is { } state)
        {
            LogStateLoaded(result.Source.ToString().ToLowerInvariant(), state.SavedAt.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture));
        }

        return result.State;
    }

    private async Task ReconcileAsync(TradingEngine engine, IExecutionVenue venue, BotState? state, AlertDispatcher alerts, CancellationToken ct)
    {
        if (_stateIssue is { } issue)
        {
            LogStateRecovered(issue);
            alerts.Publish(new Alert(AlertKind.StateRecovered, "state file recovered from the backup", issue, time.GetUtcNow()));
        }

        ReconciliationReport report;
        try
        {
            report = await new StartupReconciler(engine, venue, time, loggers.CreateLogger<StartupReconciler>())
                .ReconcileAsync(state, settings.Persistence.TradesLog, ct);
        }
        catch (BybitRestException ex)
        {
            throw new StartupException($"start-up reconciliation failed, the exchange answered: {ex.Message}", ex);
        }

        foreach (var note in report.Notes)
        {
            LogReconcileNote(note);
        }

        foreach (var difference in report.Differences)
        {
            LogReconcileDifference(difference);
        }

        LogReconciled(report.Replayed, report.Recovered, report.RecoveredFunding, report.Differences.Count);
        if (report.Differences.Count > 0)
        {
            alerts.Publish(new Alert(
                AlertKind.Reconciliation,
                $"start-up: {report.Differences.Count} difference(s) with the exchange",
                string.Join("\n", report.Differences),
                time.GetUtcNow()));
        }
    }

    private string? _stateIssue;

    /// <summary>Where /metrics, /healthz and /readyz are served (the real port when PROM_PORT is 0); null until started.</summary>
    public Uri? MetricsUri { get; private set; }

    private async Task<MetricsServer> StartMetricsAsync(BotMetrics metrics, MetricsRefresh refresh, CancellationToken ct)
    {
        try
        {
            var server = await MetricsServer.StartAsync(settings.Metrics.Host, settings.Metrics.Port, metrics, refresh.Readiness, ct);
            MetricsUri = server.Uri;
            LogMetrics(server.Uri.ToString());
            return server;
        }
        catch (IOException ex)
        {
            throw new StartupException(
                $"the metrics endpoint cannot listen on {settings.Metrics.Host}:{settings.Metrics.Port} ({ex.Message}): set {SettingNames.PromHost} / {SettingNames.PromPort}", ex);
        }
    }

    private async Task StopAsync(TradingEngine engine, PnlJournal pnl)
    {
        engine.Halt(flatten: false);
        var inFlight = engine.Traders.Sum(t => t.InFlight);
        LogStopping(inFlight);
        try
        {
            await engine.DrainAsync().WaitAsync(DrainTimeout, time);
        }
        catch (TimeoutException)
        {
            LogDrainTimeout(DrainTimeout.TotalSeconds);
            engine.Abort();
        }

        var status = engine.Status();
        pnl.Record(status);
        foreach (var symbol in status.Symbols)
        {
            LogPosition(symbol.Symbol, symbol.SpotQuantity, symbol.PerpQuantity, symbol.RealizedUsd, symbol.UnrealizedUsd);
        }
    }

    private (VenueRuntime Venue, ChannelReader<PrivateStreamEvent>? Events) CreateVenue(
        bool paper, Uri privateEndpoint, ApiCredentials? credentials, BybitRestClient rest, IReadOnlyList<SymbolSetup> setups)
    {
        if (paper)
        {
            return (PaperRuntime.Create(settings, setups, time), null);
        }

        var channel = Channel.CreateBounded<PrivateStreamEvent>(new BoundedChannelOptions(65_536) { SingleReader = true });
        PrivateStream = new PrivateStreamClient(
            new PrivateStreamOptions
            {
                Endpoint = privateEndpoint,
                Credentials = credentials ?? throw new InvalidOperationException("live and sim trading need API credentials"),
                ClockOffsetMs = () => (long)rest.Clock.Offset.TotalMilliseconds,
            },
            channel.Writer,
            time,
            loggers.CreateLogger<PrivateStreamClient>());
        return (new VenueRuntime(new BybitExecutionVenue(rest), null, (_, _) => Task.CompletedTask), channel.Reader);
    }

    // RL_ONLINE_LEARNING: loaded policies learn from what they trade, greedily (no exploration with real money), and are
    // saved beside the trained files.
    private OnlinePolicySaver? OnlineLearning(IReadOnlyList<EstimatorChoice> choices, TradingEngine engine)
    {
        var learners = choices.Where(c => c.Learner is not null && c.Document is not null).ToList();
        if (!settings.Engine.OnlineLearning || learners.Count == 0)
        {
            return null;
        }

        foreach (var choice in learners)
        {
            choice.Learner!.Epsilon = 0;
            choice.Learner.Learning = true;
        }

        return new OnlinePolicySaver(learners, engine, settings.Engine.PolicyDirectory, TimeSpan.FromMinutes(1), time, loggers.CreateLogger<OnlinePolicySaver>());
    }

    // The recorder hears each update first, so its row carries the time the engine then sees.
    private IMarketDataListener Recorded(IMarketDataListener listener) =>
        Recorder is null ? listener : new FanOutListener(Recorder, listener);

    private EngineOptions EngineOptions() => EngineConfiguration.Options(settings, mode.ToString().ToLowerInvariant());

    private PublicStreamOptions StreamOptions(MarketCategory category, Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Category = category,
        Symbols = settings.MarketData.Symbols,
        Depth = settings.MarketData.OrderBookDepth,
        SubscribeTickers = category == MarketCategory.Linear,
        LivenessTimeout = settings.MarketData.LivenessTimeout,
    };

    [LoggerMessage(Level = LogLevel.Critical, Message = "risk stop: positions not all closed after {Seconds} s, exiting with them: {Left}")]
    private partial void LogCloseFailed(double seconds, string left);

    [LoggerMessage(Level = LogLevel.Warning, Message = "fresh start: {Path} and its backup are not read; positions come from the exchange")]
    private partial void LogFreshStart(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "state loaded from the {Source} file saved at {SavedAt} UTC")]
    private partial void LogStateLoaded(string source, string savedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "state recovered from the backup: {Issue}")]
    private partial void LogStateRecovered(string issue);

    [LoggerMessage(Level = LogLevel.Information, Message = "reconciliation: {Note}")]
    private partial void LogReconcileNote(string note);

    [LoggerMessage(Level = LogLevel.Warning, Message = "reconciliation difference: {Difference}")]
    private partial void LogReconcileDifference(string difference);

    [LoggerMessage(Level = LogLevel.Information, Message = "reconciled with the exchange: {Replayed} fill(s) replayed from trades.csv, {Recovered} fill(s) and {Funding} funding payment(s) recovered from the exchange, {Differences} difference(s)")]
    private partial void LogReconciled(int replayed, int recovered, int funding, int differences);

    [LoggerMessage(Level = LogLevel.Information, Message = "metrics at {Uri}metrics (health at /healthz, readiness at /readyz)")]
    private partial void LogMetrics(string uri);

    [LoggerMessage(Level = LogLevel.Information, Message = "trading ({Mode}) {Symbols}; fills to {TradesLog}")]
    private partial void LogTrading(string mode, string symbols, string tradesLog);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopping: no new trades; waiting for {InFlight} execution(s) in flight")]
    private partial void LogStopping(int inFlight);

    [LoggerMessage(Level = LogLevel.Error, Message = "executions still in flight after {Seconds} s: cancelled, legs may be unhedged")]
    private partial void LogDrainTimeout(double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol} at stop: spot {Spot}, perp {Perp}, realized {Realized} USDT, unrealized {Unrealized} USDT")]
    private partial void LogPosition(string symbol, decimal spot, decimal perp, decimal realized, decimal unrealized);
}

/// <summary>A venue as the runner uses it: where orders go, an optional market-data tap it needs, and its own background work.</summary>
internal sealed record VenueRuntime(IExecutionVenue Venue, IMarketDataListener? Listener, Func<TradingEngine, CancellationToken, Task> RunAsync);
