using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Journals;
using Arb.Engine.Trading;

namespace Arb.UnitTests.Engine;

public sealed class JournalTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arb-journal-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static Fill BuySpot(long ms) =>
        new("BTCUSDT", MarketCategory.Spot, TradeSide.Buy, 0.01m, 65_010.50m, 0.00001m, "BTC", "arb-1-spot", "e-1", ms);

    [Fact]
    public void Trades_are_appended_with_the_contract_columns_first_and_survive_a_reopen()
    {
        var path = Path.Combine(_dir, "logs", "trades.csv");
        using (var journal = new TradeJournal(path))
        {
            journal.Record(BuySpot(1_767_225_600_123), edgeBps: 35.123456m, expectedPrice: 65_000m);
            Assert.Equal(2, File.ReadAllLines(path).Length); // flushed at once, readable while open
        }

        using (var again = new TradeJournal(path))
        {
            again.Record(BuySpot(1_767_225_601_000) with { Side = TradeSide.Sell, Category = MarketCategory.Linear, FeeCoin = "USDT" }, 0m, 65_020m);
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.Equal(TradeJournal.Header, lines[0]);
        Assert.StartsWith("timestamp,symbol,side,qty,price,edge,slippage", lines[0], StringComparison.Ordinal);
        // Paid 10.50 above the expected 65,000: 1.6154 bps worse.
        Assert.Equal("2026-01-01T00:00:00.123Z,BTCUSDT,Buy,0.01,65010.50,35.1235,1.6154,spot,arb-1-spot,e-1,0.00001,BTC", lines[1]);
        // Sold 9.50 below the expected 65,020: worse as well.
        Assert.Equal("2026-01-01T00:00:01.000Z,BTCUSDT,Sell,0.01,65010.50,0,1.4611,linear,arb-1-spot,e-1,0.00001,USDT", lines[2]);
    }

    [Fact]
    public void A_row_cut_short_by_a_crash_is_left_alone_and_the_next_row_starts_on_its_own_line()
    {
        var path = Path.Combine(_dir, "trades.csv");
        Directory.CreateDirectory(_dir);
        File.WriteAllText(path, TradeJournal.Header + "\n2026-01-01T00:00:00.000Z,BTCUSDT,Bu");

        using (var journal = new TradeJournal(path))
        {
            journal.Record(BuySpot(1_767_225_600_000), 1m, 65_010.50m);
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.Equal("2026-01-01T00:00:00.000Z,BTCUSDT,Bu", lines[1]);
        Assert.StartsWith("2026-01-01T00:00:00.000Z,BTCUSDT,Buy,0.01,65010.50,1,0,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Pnl_rows_carry_each_symbols_net_realised_and_unrealised_and_the_account_equity()
    {
        var status = new EngineStatus(
            DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_000),
            "sim",
            10_020.85m,
            [Row("ETHUSDT", -1.65m, 20m), Row("BTCUSDT", 2.5m, 0m)]);
        var path = Path.Combine(_dir, "pnl.csv");

        using (var journal = new PnlJournal(path))
        {
            journal.Record(status);
        }

        Assert.Equal(
            [
                "timestamp,symbol,real,unreal,equity",
                "2026-01-01T00:00:00.000Z,BTCUSDT,2.5,0,10020.85",
                "2026-01-01T00:00:00.000Z,ETHUSDT,-1.65,20,10020.85",
            ],
            File.ReadAllLines(path));
    }

    private static SymbolStatus Row(string symbol, decimal real, decimal unreal) =>
        new(symbol, SymbolTradingState.Active, null, null, null, null, 0m, 0m, 0m, 0m, real, unreal, 0m, 0m, 0, 0, 0);
}
