using System.Net.WebSockets;
using System.Text;
using Arb.Simulator;
using Arb.Simulator.Market;
using BenchmarkDotNet.Attributes;

namespace Arb.Benchmarks;

/// <summary>
/// How fast the simulator pushes order-book messages to one subscriber over loopback: a real WebSocket client
/// subscribed to six book streams (BTCUSDT and ETHUSDT at depths 1, 50 and 200) counts the frames it receives
/// while the market is stepped as fast as the simulator can. Target: at least 50,000 messages per second,
/// i.e. at most 20 µs per message.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SimulatorFeedBenchmarks
{
    private const int Messages = 1000;
    private SimulatorServer _server = null!;
    private ClientWebSocket _client = null!;
    private CancellationTokenSource _stop = null!;
    private Task _receiving = Task.CompletedTask;
    private long _received;

    [GlobalSetup]
    public void Setup()
    {
        _server = SimulatorServer.StartAsync(new SimulatorOptions
        {
            Symbols = ["BTCUSDT", "ETHUSDT"],
            Market = new SimMarketOptions { Step = TimeSpan.FromHours(1) }, // steps come from the benchmark only
        }).GetAwaiter().GetResult();
        _client = new ClientWebSocket();
        _client.ConnectAsync(new Uri(_server.WebSocketUri, "/v5/public/linear"), CancellationToken.None).GetAwaiter().GetResult();
        const string subscribe = """{"op":"subscribe","args":["orderbook.1.BTCUSDT","orderbook.50.BTCUSDT","orderbook.200.BTCUSDT","orderbook.1.ETHUSDT","orderbook.50.ETHUSDT","orderbook.200.ETHUSDT"]}""";
        _client.SendAsync(Encoding.UTF8.GetBytes(subscribe), WebSocketMessageType.Text, true, CancellationToken.None).GetAwaiter().GetResult();
        _stop = new CancellationTokenSource();
        _receiving = Task.Run(ReceiveAsync);
        while (Interlocked.Read(ref _received) < 7)
        {
            Thread.Yield(); // the ack and the six snapshots
        }
    }

    /// <summary>Per message received by the subscriber (the rate is 1 s divided by this).</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public long PushBookMessagesToOneSubscriber()
    {
        var target = Interlocked.Read(ref _received) + Messages;
        while (Interlocked.Read(ref _received) < target)
        {
            _server.StepNow();
        }

        return target;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        _client.Abort();
        _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        _client.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _client.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                if (result.EndOfMessage)
                {
                    Interlocked.Increment(ref _received);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }
}
