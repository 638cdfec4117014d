using System.Text;
using Arb.Bybit.Streams;
using Arb.Cli.Record;
using Arb.Domain.Books;
using Arb.Domain.Market;
using Arb.Engine.Backtest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Arb.UnitTests.Record;

public sealed class MarketRecorderTests : IDisposable
{
    private static readonly DateOnly Day1 = new(2025, 3, 1);
    private static readonly DateOnly Day2 = new(2025, 3, 2);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arb-record-" + Guid.NewGuid().ToString("N"));

    public MarketRecorderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Switches_to_the_next_days_files_at_UTC_midnight()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 23, 59, 59, 500, TimeSpan.Zero));
        await using (var recorder = Start(time))
        {
            recorder.OnFrame(Frame(MarketCategory.Spot, """{"topic":"day1"}"""));
            recorder.OnBookUpdated(Book("BTCUSDT", MarketCategory.Spot, 100m, 101m));
            time.Advance(TimeSpan.FromMilliseconds(500)); // 00:00:00.000 on the next day
            recorder.OnFrame(Frame(MarketCategory.Spot, """{"topic":"day2"}"""));
            recorder.OnBookUpdated(Book("BTCUSDT", MarketCategory.Spot, 102m, 103m));
            var summary = await recorder.StopAsync();

            Assert.Equal(4, summary.Files.Count);
        }

        Assert.Equal(
            [DailyRecordingFiles.QuoteHeader, "1740873599500,BTCUSDT,spot,100,1,101,2,,"],
            File.ReadAllLines(RecordingPaths.Quotes(_dir, Day1)));
        Assert.Equal(
            [DailyRecordingFiles.QuoteHeader, "1740873600000,BTCUSDT,spot,102,1,103,2,,"],
            File.ReadAllLines(RecordingPaths.Quotes(_dir, Day2)));
        Assert.Equal(["""{"topic":"day1"}"""], File.ReadAllLines(RecordingPaths.Frames(_dir, MarketCategory.Spot, Day1)));
        Assert.Equal(["""{"topic":"day2"}"""], File.ReadAllLines(RecordingPaths.Frames(_dir, MarketCategory.Spot, Day2)));
    }

    [Fact]
    public async Task A_second_recording_of_the_same_day_appends_without_a_second_header()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        for (var run = 0; run < 2; run++)
        {
            await using var recorder = Start(time);
            recorder.OnBookUpdated(Book("BTCUSDT", MarketCategory.Spot, 100m + run, 101m + run));
            recorder.OnFrame(Frame(MarketCategory.Linear, $$"""{"run":{{run}}}"""));
            await recorder.StopAsync();
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var lines = File.ReadAllLines(RecordingPaths.Quotes(_dir, Day1));
        Assert.Equal(3, lines.Length);
        Assert.Single(lines, l => l == DailyRecordingFiles.QuoteHeader);
        Assert.Equal(["""{"run":0}""", """{"run":1}"""], File.ReadAllLines(RecordingPaths.Frames(_dir, MarketCategory.Linear, Day1)));
    }

    [Fact]
    public async Task A_line_torn_by_a_crash_is_ended_before_appending()
    {
        var path = RecordingPaths.Frames(_dir, MarketCategory.Spot, Day1);
        await File.WriteAllTextAsync(path, "{\"complete\":1}\n{\"torn", TestContext.Current.CancellationToken);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using (var recorder = Start(time))
        {
            recorder.OnFrame(Frame(MarketCategory.Spot, """{"next":2}"""));
            await recorder.StopAsync();
        }

        Assert.Equal(["""{"complete":1}""", """{"torn""", """{"next":2}"""], File.ReadAllLines(path));
    }

    [Fact]
    public async Task Rows_read_back_with_QuoteCsvReader_with_symbols_categories_prices_and_funding()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using (var recorder = Start(time))
        {
            recorder.OnBookUpdated(Book("BTCUSDT", MarketCategory.Linear, 65012.90m, 65013.10m)); // before any ticker
            recorder.OnTickerUpdated(new InstrumentTicker("BTCUSDT", MarketCategory.Linear) { FundingRate = 0.0001m, NextFundingTimeMs = 1740844800000 });
            time.Advance(TimeSpan.FromMilliseconds(7));
            recorder.OnBookUpdated(Book("BTCUSDT", MarketCategory.Spot, 64995.38m, 64995.40m));
            recorder.OnBookUpdated(Book("BTCUSDT", MarketCategory.Linear, 65012.80m, 65013.00m));
            recorder.OnBookUpdated(Book("ETHUSDT", MarketCategory.Spot, 3199.880m, 3199.90m));
            await recorder.StopAsync();
        }

        var rows = new QuoteCsvReader().Read(RecordingPaths.Quotes(_dir, Day1)).ToList();

        Assert.Equal(
            [
                ("BTCUSDT", MarketCategory.Linear, 65012.90m, 65013.10m, (decimal?)null, (long?)null, 1740816000000L),
                ("BTCUSDT", MarketCategory.Spot, 64995.38m, 64995.40m, null, null, 1740816000007L),
                ("BTCUSDT", MarketCategory.Linear, 65012.80m, 65013.00m, 0.0001m, 1740844800000L, 1740816000007L),
                ("ETHUSDT", MarketCategory.Spot, 3199.880m, 3199.90m, null, null, 1740816000007L),
            ],
            rows.Select(r => (r.Symbol, r.Category, r.Bid, r.Ask, r.FundingRate, r.NextFundingTimeMs, r.TimestampMs!.Value)));
        Assert.All(rows, r => Assert.Equal((1m, 2m), (r.BidQty!.Value, r.AskQty!.Value)));
        Assert.Contains(",3199.880,1,", File.ReadAllText(RecordingPaths.Quotes(_dir, Day1)), StringComparison.Ordinal); // as the exchange wrote it
    }

    [Fact]
    public async Task Flushes_within_the_flush_interval_while_recording()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var recorder = Start(time);
        recorder.OnBookUpdated(Book("BTCUSDT", MarketCategory.Spot, 100m, 101m));
        time.Advance(TimeSpan.FromSeconds(1));

        var path = RecordingPaths.Quotes(_dir, Day1);
        var flushed = false;
        for (var i = 0; i < 250 && !flushed; i++)
        {
            flushed = File.Exists(path) && ReadShared(path).Contains("BTCUSDT,spot,100,", StringComparison.Ordinal);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(flushed, "the row was not on disk one flush interval after it was recorded");
    }

    [Fact]
    public async Task Items_that_do_not_fit_the_queue_are_counted_as_dropped()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var recorder = new MarketRecorder(_dir, time, NullLogger.Instance, capacity: 2);
        for (var i = 0; i < 5; i++)
        {
            recorder.OnBookUpdated(Book("BTCUSDT", MarketCategory.Spot, 100m + i, 200m));
        }

        recorder.Start();
        var summary = await recorder.StopAsync();

        Assert.Equal(3, summary.DroppedQueueFull);
        Assert.Equal(2, summary.QuoteRows[("BTCUSDT", MarketCategory.Spot)]);
        Assert.Contains(summary.Lines(), l => l.Contains("dropped: 3 item(s)", StringComparison.Ordinal));
    }

    private MarketRecorder Start(TimeProvider time)
    {
        var recorder = new MarketRecorder(_dir, time, NullLogger.Instance);
        recorder.Start();
        return recorder;
    }

    private static OrderBook Book(string symbol, MarketCategory category, decimal bid, decimal ask)
    {
        var book = new OrderBook(symbol, category, depth: 50);
        book.ApplySnapshot([new(bid, 1m)], [new(ask, 2m)], 1, 1, 0);
        return book;
    }

    private static StreamFrame Frame(MarketCategory category, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return new StreamFrame(category, StreamFrameKind.Data, bytes, bytes.Length, 0);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
