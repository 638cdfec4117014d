using Arb.Bybit.MarketData;
using Arb.Bybit.Parsing;
using Arb.Domain.Market;
using BenchmarkDotNet.Attributes;

namespace Arb.Benchmarks;

/// <summary>
/// The hot path of market data: one linear orderbook.50 delta of ten levels parsed and applied to the book,
/// exactly as the live consumer does it (PublicStreamProcessor.Process). Target: under 1 µs median, 0 bytes
/// allocated per message.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OrderBookDeltaBenchmarks
{
    private const int Deltas = 1000;
    private readonly PublicStreamProcessor _processor = new(["BTCUSDT"], depth: 50);
    private readonly PublicMessage _message = new();
    private byte[] _snapshot = [];
    private byte[][] _deltas = [];

    [GlobalSetup]
    public void Setup()
    {
        (_snapshot, _deltas) = DeltaStream.Create(FixturePath("ws_orderbook_linear_snapshot.thirdparty.json"), Deltas);

        // Warm up once so every buffer has reached its steady size, and check the stream really applies.
        RunAll();
        var book = _processor.FindBook(MarketCategory.Linear, "BTCUSDT")!;
        if (!book.IsValid || book.Bids.Count != 50 || book.Asks.Count != 50)
        {
            throw new InvalidOperationException($"the generated deltas did not apply cleanly: {book.State}, {book.Bids.Count}x{book.Asks.Count}");
        }
    }

    /// <summary>Per delta: the snapshot that restarts the run is amortised over the thousand deltas after it.</summary>
    [Benchmark(OperationsPerInvoke = Deltas + 1)]
    public FrameOutcome ParseAndApplyDelta() => RunAll();

    /// <summary>Parsing alone (the order-book fast path), for comparison.</summary>
    [Benchmark(OperationsPerInvoke = Deltas)]
    public PublicMessageKind ParseDeltaOnly()
    {
        var kind = PublicMessageKind.Malformed;
        foreach (var delta in _deltas)
        {
            kind = PublicMessageParser.Parse(delta, _message);
        }

        return kind;
    }

    /// <summary>Parsing alone with the general Utf8JsonReader parser, which handles every other frame.</summary>
    [Benchmark(OperationsPerInvoke = Deltas)]
    public PublicMessageKind ParseDeltaWithReader()
    {
        var kind = PublicMessageKind.Malformed;
        foreach (var delta in _deltas)
        {
            kind = PublicMessageParser.ParseWithReader(delta, _message);
        }

        return kind;
    }

    private FrameOutcome RunAll()
    {
        var outcome = _processor.Process(MarketCategory.Linear, _snapshot).Outcome;
        foreach (var delta in _deltas)
        {
            outcome = _processor.Process(MarketCategory.Linear, delta).Outcome;
            if (outcome != FrameOutcome.BookDelta)
            {
                throw new InvalidOperationException($"delta not applied: {outcome}");
            }
        }

        return outcome;
    }

    private static string FixturePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bybit", "fixtures", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("the shared fixtures folder was not found above " + AppContext.BaseDirectory, name);
    }
}
