using Arb.Bybit.MarketData;
using Arb.Bybit.Streams;
using Arb.Domain.Market;
using Arb.IntegrationTests.Support;

namespace Arb.IntegrationTests.MarketData;

public sealed class MarketDataPipelineTests
{
    private static PublicStreamOptions Options(FakeBybitStreamServer server, MarketCategory category) => new()
    {
        Endpoint = server.StreamUri(category.ToWireName()),
        Category = category,
        Symbols = ["BTCUSDT"],
        Depth = 50,
        SubscribeTickers = category == MarketCategory.Linear,
        PingInterval = TimeSpan.FromMilliseconds(300),
        PongTimeout = TimeSpan.FromSeconds(2),
        LivenessTimeout = TimeSpan.FromSeconds(1),
        ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(400),
    };

    [Fact]
    public async Task Recovers_from_a_dropped_and_a_silent_connection_and_a_gap_without_offering_a_stale_book()
    {
        // Linear: the 1st connection drops, the 2nd goes silent, the 3rd skips an update id once.
        await using var server = await FakeBybitStreamServer.StartAsync((category, connection, subscription) =>
            (category, connection, subscription) switch
            {
                ("linear", 1, _) => StreamBehaviour.DropAfterAFew,
                ("linear", 2, _) => StreamBehaviour.SilentAfterAFew,
                ("linear", 3, 1) => StreamBehaviour.GapAfterAFew,
                _ => StreamBehaviour.Stream,
            });
        var listener = new RecordingListener();
        var pipeline = new MarketDataPipeline(
            Options(server, MarketCategory.Spot), Options(server, MarketCategory.Linear), listener);
        using var stop = new CancellationTokenSource();
        var running = pipeline.RunAsync(stop.Token);

        // The resync after the gap on the 3rd connection asks for the 2nd subscription's snapshot.
        const long resyncSnapshotId = (3 * 1_000_000L) + (2 * 10_000L);
        var linearBook = () => pipeline.Processor.FindBook(MarketCategory.Linear, "BTCUSDT")!;
        var recovered = await Eventually.TrueAsync(
            () => linearBook().IsValid && linearBook().UpdateId is > resyncSnapshotId + 5 and < resyncSnapshotId + 10_000,
            TimeSpan.FromSeconds(20));

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(recovered, "the linear book was not rebuilt after the drop, the silence and the gap");
        var linear = pipeline.Linear.Stats;
        Assert.Equal(2, linear.Reconnects);
        Assert.Equal(1, linear.LivenessRestarts);
        Assert.Equal(1, linear.Resyncs);
        Assert.Equal(0, linear.MalformedMessages);
        Assert.Equal(0, pipeline.Spot.Stats.Reconnects);
        Assert.Equal(3, server.Connections("linear"));
        Assert.Empty(listener.Violations);

        // After each invalidation the next offer of the linear book is a fresh snapshot, never a leftover delta.
        var snapshots = server.SnapshotIds.ToHashSet();
        var linearEvents = listener.Events.Where(e => e.Category == MarketCategory.Linear).ToList();
        var invalidations = linearEvents.Where(e => e.Event.StartsWith("invalidated", StringComparison.Ordinal)).Select(e => e.Event).ToList();
        Assert.Equal(2, invalidations.Count(e => e.Contains("connection lost", StringComparison.Ordinal)));
        Assert.Single(invalidations, e => e.Contains("gap", StringComparison.Ordinal));
        long? previous = null;
        var afterInvalidation = true;
        foreach (var (_, kind, updateId) in linearEvents)
        {
            if (kind != "update")
            {
                afterInvalidation = true;
                continue;
            }

            if (afterInvalidation)
            {
                Assert.Contains(updateId, snapshots);
            }
            else
            {
                Assert.True(updateId == previous + 1 || snapshots.Contains(updateId), $"u={updateId} after u={previous}");
            }

            previous = updateId;
            afterInvalidation = false;
        }

        Assert.Contains(linearEvents, e => e.Event == "update" && e.UpdateId == resyncSnapshotId);
    }

    [Fact]
    public async Task A_server_that_refuses_connections_is_retried_with_growing_delays_and_counted()
    {
        await using var server = await FakeBybitStreamServer.StartAsync((_, _, _) => StreamBehaviour.Stream);
        var listener = new RecordingListener();
        var closedPort = new Uri("ws://127.0.0.1:1/v5/public/spot");
        var spot = Options(server, MarketCategory.Spot) with { Endpoint = closedPort };
        var pipeline = new MarketDataPipeline(spot, Options(server, MarketCategory.Linear), listener);
        using var stop = new CancellationTokenSource();
        var running = pipeline.RunAsync(stop.Token);

        var retried = await Eventually.TrueAsync(() => pipeline.Spot.Stats.Reconnects >= 3, TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(retried);
        Assert.True(pipeline.Processor.FindBook(MarketCategory.Linear, "BTCUSDT")!.IsValid);
        Assert.False(pipeline.Processor.FindBook(MarketCategory.Spot, "BTCUSDT")!.IsValid);
        Assert.Empty(listener.Violations);
        Assert.Equal(TimeSpan.FromMilliseconds(50), pipeline.Spot.BackoffDelay(0));
        Assert.Equal(TimeSpan.FromMilliseconds(200), pipeline.Spot.BackoffDelay(2));
        Assert.Equal(TimeSpan.FromMilliseconds(400), pipeline.Spot.BackoffDelay(10));
    }

    [Fact]
    public async Task A_connection_whose_pings_go_unanswered_is_restarted_even_while_quotes_flow()
    {
        await using var server = await FakeBybitStreamServer.StartAsync((_, _, _) => StreamBehaviour.Stream, answerPings: false);
        var listener = new RecordingListener();
        var linear = Options(server, MarketCategory.Linear) with
        {
            PingInterval = TimeSpan.FromMilliseconds(200),
            PongTimeout = TimeSpan.FromMilliseconds(300),
            LivenessTimeout = TimeSpan.FromSeconds(30),
        };
        var pipeline = new MarketDataPipeline(Options(server, MarketCategory.Spot) with { PingInterval = TimeSpan.FromSeconds(30) }, linear, listener);
        using var stop = new CancellationTokenSource();
        var running = pipeline.RunAsync(stop.Token);

        var restarted = await Eventually.TrueAsync(
            () => pipeline.Linear.Stats.PongTimeouts >= 1 && pipeline.Linear.Stats.Reconnects >= 1 && server.Connections("linear") >= 2,
            TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(restarted, "the linear connection was not restarted after unanswered pings");
        Assert.Equal(0, pipeline.Linear.Stats.LivenessRestarts);
        Assert.Empty(listener.Violations);
    }
}
