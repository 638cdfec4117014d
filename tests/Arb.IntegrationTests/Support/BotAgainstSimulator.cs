using Arb.Cli.Commands;
using Arb.Cli.Settings;
using Arb.Cli.Trading;
using Arb.Engine.Trading;
using Arb.Simulator;
using Arb.Simulator.Auth;
using Arb.Simulator.Trading;
using Microsoft.Extensions.Logging;

namespace Arb.IntegrationTests.Support;

/// <summary>
/// The real bot (<c>arbbot run</c> as the CLI runs it) trading against a simulator the test started, over loopback,
/// with the sandbox API keys and its logs in a temporary directory.
/// </summary>
internal sealed class BotAgainstSimulator : IAsyncDisposable
{
    private CancellationTokenSource _stop = new();
    private Dictionary<string, string?> _environment = [];
    private Action<TradingRunner>? _configure;
    private string? _recordTo;

    /// <summary>The settings the bot runs with (the test's over the harness's defaults).</summary>
    public BotSettings Settings => SettingsLoader.Load(_environment, dotEnvPath: null);
    private readonly ILoggerFactory _loggers;
    private Task<int>? _running;
    private TradingRunner? _runner;

    private BotAgainstSimulator(SimulatorServer simulator, string directory, CapturingLoggerProvider logs, ILoggerFactory loggers)
    {
        Simulator = simulator;
        Directory = directory;
        Logs = logs;
        _loggers = loggers;
    }

    public SimulatorServer Simulator { get; }

    public string Directory { get; }

    public CapturingLoggerProvider Logs { get; }

    public string TradesLog => Path.Combine(Directory, "trades.csv");

    public string PnlLog => Path.Combine(Directory, "pnl.csv");

    /// <summary>The bot's /metrics, /healthz and /readyz address.</summary>
    public Uri MetricsUri => _runner?.MetricsUri ?? throw new InvalidOperationException("the bot has not started its metrics endpoint");

    public TradingEngine Engine => _runner?.Engine ?? throw new InvalidOperationException("the bot has not started trading");

    /// <summary>
    /// What the sandbox account held before the bot's first order: the simulator's opening balances (reading the
    /// account after the bot started could already include its first fills).
    /// </summary>
    public static decimal StartingBalance(string coin) => AccountRegistry.StartingBalances.GetValueOrDefault(coin);

    /// <summary>The sandbox account the bot trades with.</summary>
    public SimAccount Account => Simulator.Accounts.Find(SimCredentials.Sandbox.ApiKey)!;

    public static async Task<BotAgainstSimulator> StartAsync(
        SimulatorOptions simulatorOptions,
        IReadOnlyDictionary<string, string?> settings,
        CancellationToken ct,
        Action<SimulatorServer>? arrange = null,
        Action<TradingRunner>? configure = null,
        string? recordTo = null)
    {
        var simulator = await SimulatorServer.StartAsync(simulatorOptions, ct: ct);
        arrange?.Invoke(simulator); // faults armed before the bot's first order
        var directory = Path.Combine(Path.GetTempPath(), "arb-bot-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var logs = new CapturingLoggerProvider();
        var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        var bot = new BotAgainstSimulator(simulator, directory, logs, loggers);
        var environment = new Dictionary<string, string?>
        {
            ["MODE"] = "live",
            ["BYBIT_REST_URL"] = simulator.RestUri.ToString(),
            ["BYBIT_WS_URL"] = simulator.WebSocketUri.ToString(),
            ["BYBIT_API_KEY"] = SimCredentials.Sandbox.ApiKey,
            ["BYBIT_API_SECRET"] = SimCredentials.Sandbox.ApiSecret,
            ["SYMBOLS"] = string.Join(',', simulatorOptions.Symbols),
            ["TRADES_LOG"] = bot.TradesLog,
            ["PNL_LOG"] = bot.PnlLog,
            ["STATE_FILE"] = Path.Combine(directory, "state.json"),
            ["STATE_BACKUP_FILE"] = Path.Combine(directory, "state.bak.json"),
            ["PNL_LOG_SEC"] = "1",
            ["BASIS_VOL_WINDOW"] = "20",
            ["PROM_PORT"] = "0", // tests run side by side: each bot on a free port
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        bot._environment = environment;
        bot._configure = configure;
        bot._recordTo = recordTo;
        if (recordTo is not null)
        {
            System.IO.Directory.CreateDirectory(recordTo); // as run --record prepares it
        }
        await bot.LaunchAsync(expectRunning: true);
        return bot;
    }

    /// <summary>
    /// Stops the bot as Ctrl+C does (if it runs) and starts a new one on the same simulator, settings and files, as
    /// an operator restarting it would. <paramref name="extraArgs"/>: <c>freshStart</c> as the command-line flag.
    /// Returns the new run's exit code when it ended at start-up (<paramref name="expectRunning"/> false), else null.
    /// </summary>
    public async Task<int?> RestartAsync(bool expectRunning = true, bool freshStart = false)
    {
        if (_running is { IsCompleted: false })
        {
            await StopAsync();
        }

        return await LaunchAsync(expectRunning, freshStart);
    }

    private async Task<int?> LaunchAsync(bool expectRunning, bool freshStart = false)
    {
        _runner = null;
        _stop = new CancellationTokenSource();
        var loaded = SettingsLoader.Load(_environment, dotEnvPath: null);
        _running = RunCommand.RunAsync(
            loaded,
            _loggers,
            _stop.Token,
            r =>
            {
                _configure?.Invoke(r);
                _runner = r;
            },
            freshStart: freshStart,
            recordDirectory: _recordTo);
        if (!await Eventually.TrueAsync(() => _runner?.Started.IsCompletedSuccessfully == true || _running.IsCompleted, TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the bot did not start:\n" + string.Join('\n', Logs.Lines));
        }

        if (_running.IsCompleted)
        {
            return expectRunning
                ? throw new InvalidOperationException($"the bot exited with {_running.Result}:\n" + string.Join('\n', Logs.Lines))
                : _running.Result;
        }

        return expectRunning ? null : throw new InvalidOperationException("the bot started, but was expected to refuse");
    }

    /// <summary>Waits for <paramref name="condition"/>; fails with the bot's log when it does not come.</summary>
    public async Task WaitForAsync(Func<TradingEngine, bool> condition, TimeSpan deadline, string what)
    {
        if (!await Eventually.TrueAsync(() => condition(Engine), deadline))
        {
            throw new TimeoutException($"{what} did not happen within {deadline.TotalSeconds} s:\n" + string.Join('\n', Logs.Lines.TakeLast(80)));
        }
    }

    /// <summary>No new trades; waits until every execution in flight (hedges included) is done.</summary>
    public async Task HaltAndDrainAsync(CancellationToken ct)
    {
        Engine.Halt(flatten: false);
        await Engine.DrainAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
        await SettleAccountEventsAsync(ct);
    }

    /// <summary>Closes every position and waits until flat.</summary>
    public async Task FlattenAsync(CancellationToken ct)
    {
        try
        {
            await Engine.FlattenAsync(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                "the positions were not closed within 60 s: " + string.Join("; ", Engine.Status().Symbols) + "\n" + string.Join('\n', Logs.Lines.TakeLast(60)));
        }

        await SettleAccountEventsAsync(ct);
    }

    /// <summary>The bot's exit code once it ends on its own (a risk stop), or a timeout.</summary>
    public Task<int> ExitAsync(TimeSpan within) => _running!.WaitAsync(within);

    /// <summary>Stops the bot as Ctrl+C does and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _running!.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The simulator's view of the account, read under its lock.</summary>
    public T ReadAccount<T>(Func<SimAccount, T> read)
    {
        lock (Simulator.Market.Gate)
        {
            return read(Account);
        }
    }

    public decimal Balance(string coin) => ReadAccount(a => a.Coin(coin).WalletBalance);

    public decimal Position(string symbol) => ReadAccount(a => a.Position(symbol).Size);

    /// <summary>Every trade execution (not funding) the simulator reports for the account.</summary>
    public IReadOnlyList<SimExecution> Trades() => ReadAccount(a => a.Executions.Where(e => e.ExecType == "Trade").ToList());

    public async ValueTask DisposeAsync()
    {
        if (_running is { IsCompleted: false })
        {
            await _stop.CancelAsync();
            await ((Task)_running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
        _loggers.Dispose();
        await Simulator.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // Fills pushed just before the drain finished may still be in the account pipe: wait until the bot's books match
    // the fills the simulator made (every trade execution booked), or give up after a few seconds.
    private async Task SettleAccountEventsAsync(CancellationToken ct)
    {
        await Eventually.TrueAsync(() => BookedFills() >= Trades().Count, TimeSpan.FromSeconds(10));
        await Task.Delay(200, ct);
    }

    private int BookedFills() => File.Exists(TradesLog) ? Math.Max(0, File.ReadAllLines(TradesLog).Length - 1) : 0;

    /// <summary>The spot and perp holdings the bot booked for a symbol.</summary>
    public (decimal Spot, decimal Perp) Booked(string symbol) =>
        Engine.Trader(symbol).Read(t => (t.Portfolio.Spot.Quantity, t.Portfolio.Perp.Quantity));
}
