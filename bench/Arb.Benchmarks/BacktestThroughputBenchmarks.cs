using Arb.Engine.Backtest;
using BenchmarkDotNet.Attributes;

namespace Arb.Benchmarks;

/// <summary>
/// End-to-end backtest throughput on one core: read the CSV file, parse every row, rebuild the books, run the live
/// decision code (<see cref="BacktestScenario"/>). Two file sizes show whether allocation grows with the rows.
/// <c>ReadAndParse</c> is the reader alone (enumerated), for the split; <c>ReadAndParsePush</c> the same through
/// <see cref="QuoteCsvReader.ReadInto"/>, as <see cref="BacktestRun"/> reads a single file.
/// </summary>
[MemoryDiagnoser]
public class BacktestThroughputBenchmarks
{
    private string _path = "";

    [Params(1_000_000, 4_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"arb-bench-quotes-{Rows}.csv");
        QuoteFileGenerator.Write(_path, Rows);
        var report = BacktestScenario.Run(_path);
        if (report.Input.RowsRead != Rows || report.Total.Trades == 0)
        {
            throw new InvalidOperationException($"expected {Rows} rows and some trades, got {report.Input.RowsRead} rows, {report.Total.Trades} trades");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public long EndToEnd() => BacktestScenario.Run(_path).Total.Trades;

    [Benchmark]
    public long ReadAndParse()
    {
        long rows = 0;
        foreach (var row in new QuoteCsvReader().Read(_path))
        {
            rows += row.LineNumber & 1;
        }

        return rows;
    }

    [Benchmark]
    public long ReadAndParsePush()
    {
        long rows = 0;
        new QuoteCsvReader().ReadInto(_path, (in QuoteRow row) => rows += row.LineNumber & 1);
        return rows;
    }
}
