using Arb.Bybit.MarketData;
using Arb.Bybit.Streams;
using Arb.Domain.Market;
using Arb.IntegrationTests.MarketData;
using Arb.IntegrationTests.Support;
using Arb.Simulator;
using Arb.Simulator.Market;

namespace Arb.IntegrationTests.Simulator;

/// <summary>The bot's own Bybit stream client against the simulator, with the simulator's faults switched on over HTTP.</summary>
public sealed class SimulatorStreamTests
{
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT"];

    private static Task<SimulatorServer> StartSimulatorAsync() => SimulatorServer.StartAsync(new SimulatorOptions
    {
        Symbols = Symbols,
        Market = new SimMarketOptions { Seed = 3, Step = TimeSpan.FromMilliseconds(20) },
    });

    private static MarketDataPipeline Pipeline(SimulatorServer sim, IMarketDataListener listener) =>
        new(Options(sim, MarketCategory.Spot), Options(sim, MarketCategory.Linear), listener);

    private static PublicStreamOptions Options(SimulatorServer sim, MarketCategory category) => new()
    {
        Endpoint = new Uri(sim.WebSocketUri, $"/v5/public/{category.ToWireName()}"),
        Category = category,
        Symbols = Symbols,
        Depth = 50,
        SubscribeTickers = category == MarketCategory.Linear,
        PingInterval = TimeSpan.FromMilliseconds(500),
        LivenessTimeout = TimeSpan.FromSeconds(1),
        ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(200),
    };

    private static bool AllBooksValid(MarketDataPipeline pipeline) =>
        Symbols.All(s => pipeline.Processor.FindBook(MarketCategory.Spot, s)!.IsValid && pipeline.Processor.FindBook(MarketCategory.Linear, s)!.IsValid);

    private static async Task PostAsync(SimulatorServer sim, string path)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(sim.RestUri, path), null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_bot_builds_every_book_and_ticker_from_the_simulator_without_gaps()
    {
        await using var sim = await StartSimulatorAsync();
        var listener = new RecordingListener();
        var pipeline = Pipeline(sim, listener);
        using var stop = new CancellationTokenSource();
        var running = pipeline.RunAsync(stop.Token);

        var ready = await Eventually.TrueAsync(
            () => AllBooksValid(pipeline) && listener.Events.Count(e => e.Event == "update") > 200,
            TimeSpan.FromSeconds(15));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(ready);
        Assert.Empty(listener.Violations);
        Assert.DoesNotContain(listener.Events, e => e.Event.StartsWith("invalidated", StringComparison.Ordinal));
        foreach (var stats in new[] { pipeline.Spot.Stats, pipeline.Linear.Stats })
        {
            Assert.Equal(0, stats.MalformedMessages);
            Assert.Equal(0, stats.Resyncs);
            Assert.Equal(0, stats.Reconnects);
        }

        foreach (var symbol in Symbols)
        {
            var ticker = pipeline.Processor.FindTicker(MarketCategory.Linear, symbol)!;
            Assert.True(ticker.HasSnapshot);
            Assert.NotNull(ticker.FundingRate);
            Assert.NotNull(ticker.MarkPrice);
            Assert.Equal(8, ticker.FundingIntervalHours);
            Assert.True(ticker.NextFundingTimeMs > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var perp = pipeline.Processor.FindBook(MarketCategory.Linear, symbol)!;
            Assert.Equal(50, perp.Bids.Count);
            Assert.Equal(50, perp.Asks.Count);
        }
    }

    [Fact]
    public async Task Skipped_sequence_dropped_connections_and_silence_are_each_survived()
    {
        await using var sim = await StartSimulatorAsync();
        var listener = new RecordingListener();
        var pipeline = Pipeline(sim, listener);
        using var stop = new CancellationTokenSource();
        var running = pipeline.RunAsync(stop.Token);
        var deadline = TimeSpan.FromSeconds(15);
        Assert.True(await Eventually.TrueAsync(() => AllBooksValid(pipeline), deadline));

        await PostAsync(sim, "/sim/skip-sequence");
        var resynced = await Eventually.TrueAsync(
            () => pipeline.Spot.Stats.Resyncs >= 1 && pipeline.Linear.Stats.Resyncs >= 1 && AllBooksValid(pipeline), deadline);

        await PostAsync(sim, "/sim/drop-connections");
        var reconnected = await Eventually.TrueAsync(
            () => pipeline.Spot.Stats.Reconnects >= 1 && pipeline.Linear.Stats.Reconnects >= 1 && AllBooksValid(pipeline), deadline);

        await PostAsync(sim, "/sim/pause-quotes?seconds=1.5");
        var restarted = await Eventually.TrueAsync(
            () => pipeline.Spot.Stats.LivenessRestarts >= 1 && pipeline.Linear.Stats.LivenessRestarts >= 1 && AllBooksValid(pipeline), deadline);

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(resynced, "a skipped update id did not lead to a resync and rebuilt books");
        Assert.True(reconnected, "dropped connections were not re-established with rebuilt books");
        Assert.True(restarted, "paused quotes did not trigger a liveness restart");
        Assert.Empty(listener.Violations);
        Assert.Contains(listener.Events, e => e.Event.Contains("gap", StringComparison.Ordinal));
        Assert.Contains(listener.Events, e => e.Event.Contains("connection lost", StringComparison.Ordinal));
    }
}
