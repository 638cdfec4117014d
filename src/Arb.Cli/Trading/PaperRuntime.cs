using System.Threading.Channels;
using Arb.Cli.Settings;
using Arb.Domain.Trading;
using Arb.Engine.Paper;
using Arb.Engine.Trading;

namespace Arb.Cli.Trading;

/// <summary>
/// MODE=paper: Bybit's live books, fills simulated in process at their prices by <see cref="PaperVenue"/>, with
/// SPOT_TAKER_FEE / PERP_TAKER_FEE and a paper wallet holding ACCOUNT_EQUITY_USD in USDT (no coin, so the reverse
/// trade, which sells coin held, is never offered).
/// </summary>
internal static class PaperRuntime
{
    public static VenueRuntime Create(BotSettings settings, IReadOnlyList<SymbolSetup> setups, TimeProvider time)
    {
        // Unbounded: the venue writes its events synchronously inside a submission and must never wait.
        var events = Channel.CreateUnbounded<IAccountEvent>(new UnboundedChannelOptions { SingleReader = true });
        var quote = setups.Count > 0 ? setups[0].Spot.QuoteCoin : "USDT";
        var venue = new PaperVenue(
            new PaperVenueOptions
            {
                StartingBalances = new Dictionary<string, decimal>(StringComparer.Ordinal) { [quote] = settings.Risk.AccountEquityUsd },
                SpotTakerFeeRate = settings.Trading.SpotTakerFee,
                PerpTakerFeeRate = settings.Trading.PerpTakerFee,
                BookDepth = settings.MarketData.OrderBookDepth,
            },
            events.Writer,
            time);
        return new VenueRuntime(venue, venue.BookFeed, (engine, ct) => PumpAsync(events.Reader, engine, ct));
    }

    private static async Task PumpAsync(ChannelReader<IAccountEvent> events, TradingEngine engine, CancellationToken ct)
    {
        try
        {
            await foreach (var accountEvent in events.ReadAllAsync(ct))
            {
                engine.OnAccountEvent(accountEvent);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
