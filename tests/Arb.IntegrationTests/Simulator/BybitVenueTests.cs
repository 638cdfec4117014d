using Arb.Bybit.Rest;
using Arb.Bybit.Trading;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Simulator;

namespace Arb.IntegrationTests.Simulator;

/// <summary>The Bybit venue (the bot's order path in live and sim) against the simulator: orders, read-back, reconciliation queries.</summary>
public sealed class BybitVenueTests : IAsyncLifetime
{
    private SimulatorServer _sim = null!;
    private HttpClient _http = null!;
    private BybitExecutionVenue _venue = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sim = await SimulatorServer.StartAsync(new SimulatorOptions(), ct: Ct);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        _venue = new BybitExecutionVenue(new BybitRestClient(
            _http, new BybitRestOptions(_sim.RestUri) { Credentials = new ApiCredentials("arbbot-sim-key", "arbbot-sim-secret") }, TimeProvider.System));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task Hedge_market_orders_fill_in_base_coin_and_the_account_and_history_read_back_for_reconciliation()
    {
        var since = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1_000;

        // A spot market buy in base coin (Bybit's default unit for a market buy is the quote coin).
        var spot = await _venue.SubmitAsync(new OrderIntent(MarketCategory.Spot, "BTCUSDT", TradeSide.Buy, 0.01m, null, "venue-1h"), Ct);
        var perp = await _venue.SubmitAsync(new OrderIntent(MarketCategory.Linear, "BTCUSDT", TradeSide.Sell, 0.01m, null, "venue-2h"), Ct);
        var refused = await _venue.SubmitAsync(new OrderIntent(MarketCategory.Linear, "BTCUSDT", TradeSide.Buy, 0.01m, null, "venue-2h"), Ct);

        Assert.Equal((SubmitStatus.Accepted, SubmitStatus.Accepted), (spot.Status, perp.Status));
        Assert.Equal(SubmitStatus.Rejected, refused.Status); // the same client id twice: Bybit's definite refusal
        var report = await _venue.QueryOrderAsync(MarketCategory.Spot, "BTCUSDT", "venue-1h", Ct);
        Assert.Equal((OrderStatus.Filled, 0.01m), (report!.Status, report.FilledQuantity));
        Assert.Equal(0.01m, report.Fills.Sum(f => f.Quantity));
        Assert.Null(await _venue.QueryOrderAsync(MarketCategory.Spot, "BTCUSDT", "never-sent", Ct));

        var account = await _venue.GetAccountAsync(["BTCUSDT", "ETHUSDT"], ["USDT", "BTC"], Ct);
        Assert.Equal(-0.01m, account.PerpPositions["BTCUSDT"].Size);
        var perpReport = await _venue.QueryOrderAsync(MarketCategory.Linear, "BTCUSDT", "venue-2h", Ct);
        Assert.Equal(perpReport!.Fills.Sum(f => f.Price * f.Quantity) / 0.01m, account.PerpPositions["BTCUSDT"].EntryPrice);
        Assert.Equal(0m, account.PerpPositions["ETHUSDT"].Size);
        Assert.Equal(1m + 0.01m - report.Fills.Sum(f => f.Fee), account.Balances["BTC"]);
        Assert.Empty(account.OpenOrders);

        var history = await _venue.GetHistoryAsync(["BTCUSDT"], since, Ct);
        Assert.Equal(["venue-1h", "venue-2h"], history.Fills.Select(f => f.OrderLinkId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(0.02m, history.Fills.Sum(f => f.Quantity));
    }
}
