using System.Threading.Channels;
using Arb.Domain.Books;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Paper;
using Microsoft.Extensions.Time.Testing;

namespace Arb.UnitTests.Engine.Paper;

/// <summary>A paper venue on a fake clock, its event channel, and real order books to feed it.</summary>
internal sealed class PaperFixture
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public const decimal SpotFee = 0.001m;

    public const decimal PerpFee = 0.00055m;

    private readonly Channel<IAccountEvent> _channel = Channel.CreateUnbounded<IAccountEvent>();
    private long _updateId;

    public PaperFixture(decimal usdt = 10_000m, decimal btc = 0m, int depth = 50)
    {
        Venue = new PaperVenue(
            new PaperVenueOptions
            {
                StartingBalances = new Dictionary<string, decimal> { ["USDT"] = usdt, ["BTC"] = btc },
                SpotTakerFeeRate = SpotFee,
                PerpTakerFeeRate = PerpFee,
                BookDepth = depth,
            },
            _channel.Writer,
            Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public PaperVenue Venue { get; }

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Asks 100.5 × 1, 101 × 2, 101.5 × 4; bids 100 × 1, 99.5 × 2, 99 × 3.</summary>
    public static (decimal Price, decimal Size)[] StandardAsks { get; } = [(100.5m, 1m), (101m, 2m), (101.5m, 4m)];

    public static (decimal Price, decimal Size)[] StandardBids { get; } = [(100m, 1m), (99.5m, 2m), (99m, 3m)];

    public static OrderBook Book(MarketCategory category, (decimal Price, decimal Size)[] bids, (decimal Price, decimal Size)[] asks, long updateId = 1, string symbol = "BTCUSDT")
    {
        var book = new OrderBook(symbol, category, 50);
        var result = book.ApplySnapshot(
            bids.Select(l => new PriceLevel(l.Price, l.Size)).ToArray(),
            asks.Select(l => new PriceLevel(l.Price, l.Size)).ToArray(),
            updateId,
            sequence: updateId,
            timestampMs: 1_000 + updateId);
        Assert.Equal(BookUpdateResult.Applied, result);
        return book;
    }

    /// <summary>Feeds a fresh snapshot, as the market-data thread would on the next message.</summary>
    public OrderBook Feed(MarketCategory category, (decimal Price, decimal Size)[]? bids = null, (decimal Price, decimal Size)[]? asks = null, string symbol = "BTCUSDT")
    {
        var book = Book(category, bids ?? StandardBids, asks ?? StandardAsks, ++_updateId, symbol);
        Venue.BookFeed.OnBookUpdated(book);
        return book;
    }

    public SubmitOutcome Submit(MarketCategory category, TradeSide side, decimal quantity, decimal? limit, string link, bool reduceOnly = false, string symbol = "BTCUSDT")
    {
        var task = Venue.SubmitAsync(new OrderIntent(category, symbol, side, quantity, limit, link, reduceOnly), TestContext.Current.CancellationToken);
        Assert.True(task.IsCompletedSuccessfully, "the paper venue answers synchronously");
        return task.Result;
    }

    /// <summary>Everything written to the channel since the last drain, oldest first.</summary>
    public List<IAccountEvent> Drain()
    {
        var events = new List<IAccountEvent>();
        while (_channel.Reader.TryRead(out var change))
        {
            events.Add(change);
        }

        return events;
    }

    public List<Fill> DrainFills() => [.. Drain().OfType<Fill>()];
}
