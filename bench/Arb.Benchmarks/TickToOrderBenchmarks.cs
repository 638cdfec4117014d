using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Arb.Benchmarks;

/// <summary>
/// Tick to order (issue 4): from a book message's bytes to the signed order requests ready to send (parse, book,
/// basis volatility, sizing, edge, decision, gates, and when it trades, both legs' JSON bodies and HMAC signatures).
/// Target: under 10 µs median and 50 µs at the 99th percentile, 0 bytes allocated per message that does not trade.
/// </summary>
/// <remarks>
/// One invocation replays a whole stream of 2,002 messages (see <see cref="TickToOrderScenario"/>), so the table's
/// times are per message, averaged over an invocation; its percentile columns are over those averages. The
/// per-message distribution (the 99th percentile of the target) comes from <see cref="TickToOrderLatency"/>.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(Percentiles))]
public class TickToOrderBenchmarks
{
    private TickToOrderScenario _holding = null!;
    private TickToOrderScenario _opening = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Each is warmed and checked message by message: every holding message must hold, every opening one open.
        _holding = TickToOrderScenario.Create(opening: false);
        _opening = TickToOrderScenario.Create(opening: true);
    }

    /// <summary>Messages that do not trade: parse → book → edge → decision → Hold.</summary>
    [Benchmark(OperationsPerInvoke = TickToOrderScenario.MessagesPerPass)]
    public int NonTradingMessage() => _holding.Pass();

    /// <summary>Messages that open: the same path, then both legs serialized and signed.</summary>
    [Benchmark(OperationsPerInvoke = TickToOrderScenario.MessagesPerPass)]
    public int TradingMessage() => _opening.Pass();

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }
}
