using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Journals;

namespace Arb.UnitTests.Engine;

public sealed class TradeJournalReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arb-journal-read-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Fills_written_to_trades_csv_read_back_exactly_as_they_were()
    {
        var path = Path.Combine(_dir, "trades.csv");
        Fill[] fills =
        [
            new("BTCUSDT", MarketCategory.Spot, TradeSide.Buy, 0.014985m, 65_010.5m, 0.000014985m, "BTC", "arb-x-1s", "e-1", 1_767_225_600_123),
            new("BTCUSDT", MarketCategory.Linear, TradeSide.Sell, 0.015m, 65_050.1m, 0.536663325m, "USDT", "arb-x-1p", "e-2", 1_767_225_600_124),
        ];
        using (var journal = new TradeJournal(path))
        {
            foreach (var fill in fills)
            {
                journal.Record(fill, 12.5m, fill.Price);
            }
        }

        var contents = TradeJournalReader.Read(path);

        Assert.Equal(fills, contents.Fills);
        Assert.Empty(contents.SkippedRows);
    }

    [Fact]
    public void A_row_cut_short_by_a_crash_is_skipped_with_its_line_number_and_the_rows_after_it_still_read()
    {
        var path = Path.Combine(_dir, "trades.csv");
        var fill = new Fill("ETHUSDT", MarketCategory.Spot, TradeSide.Sell, 0.31m, 3_195.55m, 0.99062050m, "USDT", "arb-x-2s", "e-3", 1_767_225_600_000);
        using (var journal = new TradeJournal(path))
        {
            journal.Record(fill, 0m, fill.Price);
        }

        File.AppendAllText(path, "2026-01-01T00:00:01.000Z,ETHUSDT,Buy,0.3"); // the process died mid-row
        using (var journal = new TradeJournal(path))
        {
            journal.Record(fill with { ExecId = "e-4" }, 0m, fill.Price);
        }

        var contents = TradeJournalReader.Read(path);

        Assert.Equal(["e-3", "e-4"], contents.Fills.Select(f => f.ExecId));
        var skipped = Assert.Single(contents.SkippedRows);
        Assert.StartsWith(path + ":3: ", skipped, StringComparison.Ordinal);
    }

    [Fact]
    public void No_file_reads_as_no_fills()
    {
        var contents = TradeJournalReader.Read(Path.Combine(_dir, "missing.csv"));

        Assert.Empty(contents.Fills);
        Assert.Empty(contents.SkippedRows);
    }
}
