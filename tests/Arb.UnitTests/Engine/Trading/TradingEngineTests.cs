using System.Globalization;
using System.Threading.Channels;
using Arb.Domain.Books;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Journals;
using Arb.Engine.Paper;
using Arb.Engine.Trading;
using Arb.Strategy.Edge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Arb.UnitTests.Engine.Trading.TraderFixture;

namespace Arb.UnitTests.Engine.Trading;

/// <summary>
/// The engine trading against the paper venue: every book goes to the venue's feed, then to the engine, as the
/// market-data thread does in MODE=paper; the venue's account events are pumped into the engine by the test.
/// </summary>
internal sealed class EngineFixture : IDisposable
{
    private readonly Channel<IAccountEvent> _events = Channel.CreateUnbounded<IAccountEvent>();
    private readonly List<IAccountEvent> _pumped = [];

    public EngineFixture(string directory, IEdgeEstimator estimator, decimal startBtc = 0m, decimal spotCoin = 0m)
    {
        Venue = new PaperVenue(
            new PaperVenueOptions
            {
                StartingBalances = new Dictionary<string, decimal> { ["USDT"] = 10_000m, ["BTC"] = startBtc },
                SpotTakerFeeRate = SpotFee,
                PerpTakerFeeRate = PerpFee,
            },
            _events.Writer,
            Time);
        TradesPath = Path.Combine(directory, "logs", "trades.csv");
        Journal = new TradeJournal(TradesPath);
        Engine = new TradingEngine([Setup(estimator, spotCoin)], Options() with { Mode = "paper" }, Venue, Time, NullLoggerFactory.Instance, Journal);
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(Now));

    public PaperVenue Venue { get; }

    public TradeJournal Journal { get; }

    public string TradesPath { get; }

    public TradingEngine Engine { get; }

    public SymbolTrader Trader => Engine.Trader(Symbol);

    /// <summary>Every account event the engine was given so far, in order.</summary>
    public IReadOnlyList<IAccountEvent> Pumped => _pumped;

    public void Feed(OrderBook book)
    {
        Venue.BookFeed.OnBookUpdated(book);
        Engine.OnBookUpdated(book);
    }

    /// <summary>Hands the engine every event the venue wrote, until the executions in flight (hedges included) are done.</summary>
    public async Task SettleAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var drained = Engine.DrainAsync(timeout.Token);
        while (!drained.IsCompleted)
        {
            Pump();
            await Task.WhenAny(drained, Task.Delay(1, timeout.Token));
        }

        await drained;
        Pump();
    }

    public void Dispose() => Journal.Dispose();

    public string[] Rows() => File.ReadAllLines(TradesPath);

    private void Pump()
    {
        while (_events.Reader.TryRead(out var change))
        {
            _pumped.Add(change);
            Engine.OnAccountEvent(change);
        }
    }
}

public sealed class TradingEngineTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arb-engine-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static ThresholdEdgeEstimator Threshold(decimal exit = -50m, bool allowReverse = false) => new(20m, exit, allowReverse);

    private static decimal Dec(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    // Opens at the dislocated books: 9.99 BTC bought on spot (3 @ 100, 6.99 @ 100.1), sold on the perp (4 @ 101, 5.99 @ 100.9).
    private static async Task<EngineFixture> OpenedAsync(string dir, IEdgeEstimator? estimator = null)
    {
        var f = new EngineFixture(dir, estimator ?? Threshold());
        f.Feed(Spot());
        f.Feed(Perp());
        f.Feed(Spot());
        await f.SettleAsync();
        Assert.Equal(1, f.Engine.Executions);
        return f;
    }

    [Fact]
    public async Task A_dislocation_is_traded_on_both_legs_and_every_fill_is_booked_into_the_portfolio_and_trades_csv()
    {
        using var f = await OpenedAsync(_dir);

        var portfolio = f.Trader.Portfolio;
        Assert.Equal((9.99m - 0.00999m, -9.99m), (portfolio.Spot.Quantity, portfolio.Perp.Quantity));
        // The engine's books agree with the venue's account.
        Assert.Equal(f.Venue.Balance("BTC"), portfolio.Spot.Quantity);
        Assert.Equal(f.Venue.GetPosition(Symbol).Size, portfolio.Perp.Quantity);
        Assert.Equal(10_000m - 999.699m, f.Venue.Balance("USDT") + f.Venue.GetPosition(Symbol).FeesPaid);
        Assert.Empty(f.Engine.Tracker.Unsettled());
        Assert.Equal(0, f.Engine.Executor.Imbalances);
        Assert.Equal(0, f.Trader.InFlight);

        var rows = f.Rows();
        Assert.Equal(TradeJournal.Header, rows[0]);
        var fills = f.Pumped.OfType<Fill>().ToList();
        Assert.Equal(4, fills.Count);
        Assert.Equal(fills.Count + 1, rows.Length);
        var cells = rows[1..].Select(r => r.Split(',')).ToList();
        Assert.Equal(fills.Select(x => x.ExecId), cells.Select(c => c[9]));
        Assert.Equal(fills.Select(x => x.OrderLinkId), cells.Select(c => c[8]));
        var spotId = fills[0].OrderLinkId;
        Assert.EndsWith("-1s", spotId, StringComparison.Ordinal);
        Assert.Equal(
            [("spot", spotId, "Buy", 3m, 100m), ("spot", spotId, "Buy", 6.99m, 100.1m),
             ("linear", spotId[..^1] + "p", "Sell", 4m, 101m), ("linear", spotId[..^1] + "p", "Sell", 5.99m, 100.9m)],
            cells.Select(c => (c[7], c[8], c[2], Dec(c[3]), Dec(c[4]))));
        Assert.All(cells, c => Assert.Equal(71.4462m, Dec(c[5]))); // the decision's net edge
        // Slippage against the expected (average) prices: the first level beat it, the last fell short of it.
        Assert.True(Dec(cells[0][6]) < 0m && Dec(cells[1][6]) > 0m);
        Assert.All(cells, c => Assert.Equal("2025-03-01T12:00:00.000Z", c[0]));
    }

    [Fact]
    public async Task A_replayed_fill_or_status_is_not_booked_twice()
    {
        using var f = await OpenedAsync(_dir);
        var before = (f.Trader.Portfolio.Spot.Quantity, f.Trader.Portfolio.Perp.Quantity, f.Trader.Portfolio.FeesUsd);
        var rows = f.Rows().Length;

        // A reconnect replays the whole history.
        foreach (var change in f.Pumped.ToList())
        {
            f.Engine.OnAccountEvent(change);
        }

        Assert.Equal(before, (f.Trader.Portfolio.Spot.Quantity, f.Trader.Portfolio.Perp.Quantity, f.Trader.Portfolio.FeesUsd));
        Assert.Equal(rows, f.Rows().Length);
    }

    [Fact]
    public async Task A_fill_this_session_did_not_send_is_booked_once_with_no_edge_and_no_slippage()
    {
        using var f = await OpenedAsync(_dir);
        var manual = new Fill(Symbol, MarketCategory.Linear, TradeSide.Buy, 0.5m, 100.5m, 0.02m, "USDT", "manual-1", "m-1", Now + 5);

        f.Engine.OnAccountEvent(manual);
        f.Engine.OnAccountEvent(manual);
        f.Engine.OnAccountEvent(manual with { Symbol = "ETHUSDT", ExecId = "m-2" }); // not traded here: ignored

        Assert.Equal(-9.49m, f.Trader.Portfolio.Perp.Quantity);
        var rows = f.Rows();
        Assert.Equal(6, rows.Length);
        Assert.Equal("2025-03-01T12:00:00.005Z,BTCUSDT,Buy,0.5,100.5,0,0,linear,manual-1,m-1,0.02,USDT", rows[^1]);
    }

    [Fact]
    public async Task Funding_is_booked_once_per_settlement_even_when_replayed()
    {
        using var f = await OpenedAsync(_dir);
        var funding = new FundingPayment(Symbol, 0.55m, 0.0001m, 1_008m, "fund-1", Now + 1);

        f.Engine.OnAccountEvent(funding);
        f.Engine.OnAccountEvent(funding);
        f.Engine.OnAccountEvent(funding with { ExecId = "fund-2", Amount = -0.05m });
        f.Engine.OnAccountEvent(funding with { Symbol = "ETHUSDT", ExecId = "fund-3" });

        Assert.Equal(0.5m, f.Trader.Portfolio.FundingUsd);
        Assert.Equal(0.5m, f.Engine.Status().Symbols.Single().FundingUsd);
        Assert.Equal(5, f.Rows().Length); // funding is not a trade
    }

    [Fact]
    public async Task Status_equity_is_ACCOUNT_EQUITY_USD_plus_realized_plus_unrealized_and_matches_the_account_marked_at_the_mids()
    {
        using var f = await OpenedAsync(_dir);
        f.Engine.OnAccountEvent(new FundingPayment(Symbol, 0.25m, 0.0001m, 1_008m, "fund-1", Now + 1));

        var status = f.Engine.Status();

        var symbol = Assert.Single(status.Symbols);
        Assert.Equal(("paper", Symbol), (status.Mode, symbol.Symbol));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Now), status.Time);
        Assert.Equal(10_000m + symbol.RealizedUsd + symbol.UnrealizedUsd, status.EquityUsd);

        // The same account valued independently: the venue's wallet, the coin at the spot mid (99.95), the
        // perp short's price PnL at the perp mid (101.05), and the funding received.
        var perpPnl = f.Pumped.OfType<Fill>().Where(x => x.Category == MarketCategory.Linear).Sum(x => -x.Quantity * (101.05m - x.Price));
        var account = f.Venue.Balance("USDT") + (f.Venue.Balance("BTC") * 99.95m) + perpPnl + 0.25m;
        Assert.Equal(account, status.EquityUsd);
        Assert.True(status.EquityUsd < 10_000m); // marked at the mids, just after paying both spreads and fees
        Assert.Equal((9.98001m, -9.99m, 1, 0), (symbol.SpotQuantity, symbol.PerpQuantity, symbol.TradesToday, symbol.ExecutionsInFlight));
        Assert.Equal(SymbolTradingState.Active, symbol.State);
    }

    [Fact]
    public async Task When_the_basis_comes_back_the_position_is_closed_flat_without_a_hedge_and_the_books_match_the_wallet()
    {
        using var f = await OpenedAsync(_dir);

        f.Feed(Book(MarketCategory.Linear, [(100m, 20m)], [(100.1m, 20m)], updateId: 2));
        await f.SettleAsync();

        Assert.Equal(2, f.Engine.Executions);
        Assert.Equal(0, f.Engine.Executor.Imbalances);
        var portfolio = f.Trader.Portfolio;
        Assert.Equal(0m, portfolio.Perp.Quantity);
        Assert.Equal(0m, f.Venue.GetPosition(Symbol).Size);
        Assert.Equal(0.00001m, portfolio.Spot.Quantity); // the buy fee's odd remainder, below the spot step
        Assert.Equal(f.Venue.Balance("BTC"), portfolio.Spot.Quantity);
        Assert.True(f.Trader.IsFlatAndIdle);
        // What the round trip did to the wallet is the realized PnL, less the cost of the dust still held.
        Assert.Equal(f.Venue.Balance("USDT") - 10_000m, portfolio.NetRealized - (portfolio.Spot.Quantity * portfolio.Spot.EntryPrice));
        var links = f.Rows()[1..].Select(r => r.Split(',')[8]).ToList();
        Assert.Equal(7, links.Count); // four fills to open, three to close
        Assert.Equal(["1s", "1s", "1p", "1p", "2s", "2s", "2p"], links.Select(l => l[^2..]));
    }

    [Fact]
    public async Task Halt_with_flatten_closes_the_position_at_the_next_book_update()
    {
        var estimator = new ScriptedHoldAfterOpen();
        using var f = await OpenedAsync(_dir, estimator);

        f.Engine.Halt(flatten: true);
        f.Feed(Spot());
        await f.SettleAsync();

        Assert.Equal(2, f.Engine.Executions);
        Assert.True(f.Trader.IsFlatAndIdle);
        Assert.Equal(0m, f.Venue.GetPosition(Symbol).Size);
        f.Feed(Spot());
        Assert.Equal(0, f.Trader.InFlight); // halted: nothing reopens
    }

    [Fact]
    public async Task A_wallet_push_of_the_coin_lets_the_reverse_trade_sell_it()
    {
        using var f = new EngineFixture(_dir, Threshold(allowReverse: true), startBtc: 20m);
        var spot = Book(MarketCategory.Spot, [(101m, 20m)], [(101.1m, 20m)]);
        var perp = Book(MarketCategory.Linear, [(99.9m, 20m)], [(100m, 20m)]);
        f.Feed(spot);
        f.Feed(perp);
        f.Feed(spot);
        await f.SettleAsync();
        Assert.Equal(0, f.Engine.Executions); // the engine was told of no coin

        f.Engine.OnAccountEvent(new WalletUpdate([new CoinBalance("BTC", 20m, 0m, 20m), new CoinBalance("USDT", 10_000m, 0m, 10_000m)], Now));
        f.Feed(spot);
        await f.SettleAsync();

        Assert.Equal(1, f.Engine.Executions);
        var portfolio = f.Trader.Portfolio;
        Assert.True(portfolio.Perp.Quantity > 9m);
        Assert.Equal(-portfolio.Perp.Quantity, portfolio.Spot.Quantity);
        Assert.Equal(20m + portfolio.Spot.Quantity, f.Venue.Balance("BTC"));
    }

    [Fact]
    public async Task A_hard_stop_frees_the_slot_of_an_execution_in_flight_and_its_fills_are_still_booked_when_they_arrive()
    {
        using var f = new EngineFixture(_dir, Threshold());
        f.Feed(Spot());
        f.Feed(Perp());
        f.Feed(Spot()); // both legs sent; their events wait in the channel, unread
        Assert.Equal(1, f.Trader.InFlight);

        f.Engine.Abort();
        await f.Engine.DrainAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal((0, 0L), (f.Trader.InFlight, f.Engine.Executions));
        Assert.Equal(0m, f.Trader.Portfolio.Perp.Quantity);

        await f.SettleAsync(); // the stream catches up
        Assert.Equal((9.98001m, -9.99m), (f.Trader.Portfolio.Spot.Quantity, f.Trader.Portfolio.Perp.Quantity));
        Assert.Equal(5, f.Rows().Length);
    }

    // Opens once, then only holds: closes come from Halt(flatten) alone.
    private sealed class ScriptedHoldAfterOpen : IEdgeEstimator
    {
        public EdgeDecision Decide(in EdgeFeatures features) =>
            features.HeldQuantity == 0m && features.OpenEdgeBps > 20m ? new EdgeDecision(EdgeAction.Open) : EdgeDecision.Hold;
    }
}
