using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Execution;
using Arb.Engine.Journals;
using Arb.Engine.State;
using Arb.Engine.Trading;
using Microsoft.Extensions.Logging;

namespace Arb.Engine.Recovery;

/// <summary>
/// Start-up is the recovery path: before the first trade, the engine is rebuilt from the last snapshot, the fills
/// written to trades.csv after it, and the venue's own record of what happened while the bot was down; then the
/// exchange's positions are the truth. Every difference is reported (the caller logs and alerts it).
/// </summary>
/// <remarks>
/// Order of the steps, and why: (1) restore the snapshot (positions, exec ids it had booked, risk peaks, orders in
/// flight); (2) replay trades.csv rows of each symbol after the last one the snapshot had booked (the file is
/// appended before the snapshot is saved, so a crash can leave rows the snapshot lacks); (3) book the venue's fills
/// of our orders and funding since shortly before the snapshot that neither holds (the bot died before booking
/// them); (4) settle the saved orders in flight by client id and cancel any of ours still open; (5) compare the
/// perp positions and spot coin with the exchange and adopt the exchange's where they differ.
/// </remarks>
public sealed partial class StartupReconciler(TradingEngine engine, IExecutionVenue venue, TimeProvider time, ILogger logger)
{
    /// <summary>How far before the snapshot the venue's history is read, for fills the snapshot just missed.</summary>
    public TimeSpan HistoryOverlap { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Client ids of this bot's orders start with this; other fills on the account are not ours to book.</summary>
    public string OrderIdFamily { get; init; } = ClientOrderIds.Family;

    public async Task<ReconciliationReport> ReconcileAsync(BotState? state, string tradesPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var report = new ReconciliationReport();
        var symbols = engine.Traders.Select(t => t.Symbol).ToList();
        var journal = TradeJournalReader.Read(tradesPath);
        foreach (var skipped in journal.SkippedRows)
        {
            report.Note($"trades.csv row skipped: {skipped}");
        }

        if (state is not null)
        {
            foreach (var unknown in StateSnapshots.Restore(engine, state))
            {
                report.Difference($"{unknown.Symbol} is in the state file but not in SYMBOLS: its saved position (spot {unknown.Spot.Quantity}, perp {unknown.Perp.Quantity}) is not managed");
            }

            engine.Risk?.Restore(state.Risk);
            report.Replayed = ReplayJournal(state, journal.Fills);
            var inFlight = StateSnapshots.RestoreInFlight(engine.Tracker, state.InFlightOrders);
            await CatchUpAsync(symbols, state.SavedAt - HistoryOverlap, journal.Fills, report, ct).ConfigureAwait(false);
            foreach (var order in inFlight)
            {
                await SettleSavedOrderAsync(order, report, ct).ConfigureAwait(false);
            }
        }
        else
        {
            // Nothing saved: mark every fill in trades.csv as booked (a fresh start adopts positions from the exchange).
            foreach (var fill in journal.Fills)
            {
                engine.Tracker.TryAcceptRecovered(fill.ExecId);
            }
        }

        var coins = engine.Traders.Select(t => t.BaseCoin).Distinct().ToList();
        var account = await venue.GetAccountAsync(symbols, coins, ct).ConfigureAwait(false);
        foreach (var open in account.OpenOrders.Where(o => o.OrderLinkId.StartsWith(OrderIdFamily, StringComparison.Ordinal)))
        {
            var cancelled = await venue.CancelAsync(open.Category, open.Symbol, open.OrderLinkId, ct).ConfigureAwait(false);
            report.Difference($"order {open.OrderLinkId} ({open.Symbol} {open.Category.ToWireName()}) was still open on the exchange: {(cancelled ? "cancelled" : "could not be cancelled")}");
        }

        if (account.OpenOrders.Count > 0)
        {
            // Whatever the cancelled orders filled before the cancel is booked too.
            await CatchUpAsync(symbols, (state?.SavedAt ?? time.GetUtcNow()) - HistoryOverlap, journal.Fills, report, ct).ConfigureAwait(false);
        }

        AdoptExchangePositions(account, state is null, report);
        return report;
    }

    // Per symbol: the rows after the last one whose exec id the snapshot had booked; all of the session's rows when
    // the snapshot had booked none of that symbol.
    private int ReplayJournal(BotState state, IReadOnlyList<Fill> fills)
    {
        var replayed = 0;
        foreach (var snapshot in state.Symbols)
        {
            var rows = fills.Where(f => f.Symbol == snapshot.Symbol).ToList();
            var booked = snapshot.BookedExecIds.ToHashSet(StringComparer.Ordinal);
            var last = rows.FindLastIndex(f => booked.Contains(f.ExecId));
            var after = last >= 0 ? rows.Skip(last + 1) : rows.Where(f => f.TimestampMs >= state.SessionStartedAt.ToUnixTimeMilliseconds());
            foreach (var fill in after)
            {
                if (engine.Replay(fill))
                {
                    replayed++;
                }
            }
        }

        // Every other row of the file is booked as far as this run is concerned.
        foreach (var fill in fills)
        {
            engine.Tracker.TryAcceptRecovered(fill.ExecId);
        }

        return replayed;
    }

    private async Task CatchUpAsync(IReadOnlyList<string> symbols, DateTimeOffset since, IReadOnlyList<Fill> journal, ReconciliationReport report, CancellationToken ct)
    {
        var history = await venue.GetHistoryAsync(symbols, since.ToUnixTimeMilliseconds(), ct).ConfigureAwait(false);
        var written = journal.Select(f => f.ExecId).ToHashSet(StringComparer.Ordinal);
        foreach (var fill in history.Fills)
        {
            if (fill.OrderLinkId.StartsWith(OrderIdFamily, StringComparison.Ordinal) && !written.Contains(fill.ExecId) && engine.Recover(fill))
            {
                report.Recovered++;
                LogRecovered(fill.Symbol, fill.ExecId, fill.OrderLinkId, fill.Side.ToString(), fill.Quantity, fill.Price);
            }
        }

        foreach (var funding in history.Funding)
        {
            if (engine.RecoverFunding(funding))
            {
                report.RecoveredFunding++;
            }
        }
    }

    private async Task SettleSavedOrderAsync(TrackedOrder order, ReconciliationReport report, CancellationToken ct)
    {
        var intent = order.Intent;
        try
        {
            var found = await venue.QueryOrderAsync(intent.Category, intent.Symbol, intent.OrderLinkId, ct).ConfigureAwait(false);
            if (found is null)
            {
                report.Note($"order {intent.OrderLinkId} in flight at the last save never reached the exchange");
                return;
            }

            engine.Tracker.ApplyReport(found, engine);
            if (!found.IsClosed)
            {
                await venue.CancelAsync(intent.Category, intent.Symbol, intent.OrderLinkId, ct).ConfigureAwait(false);
                report.Difference($"order {intent.OrderLinkId} in flight at the last save was still open: cancelled");
            }
            else
            {
                report.Note($"order {intent.OrderLinkId} in flight at the last save ended {found.Status} with {found.FilledQuantity} filled");
            }
        }
        finally
        {
            engine.Tracker.Forget(order);
        }
    }

    private void AdoptExchangePositions(VenueAccount account, bool freshStart, ReconciliationReport report)
    {
        foreach (var trader in engine.Traders)
        {
            var exchange = account.PerpPositions.GetValueOrDefault(trader.Symbol);
            var (bookedSpot, bookedPerp, spotPrice) = trader.Read(t => (t.Portfolio.Spot.Quantity, t.Portfolio.Perp.Quantity, t.Portfolio.Spot.EntryPrice));
            if (exchange.Size != bookedPerp)
            {
                report.Difference($"{trader.Symbol} perp: booked {bookedPerp}, exchange {exchange.Size} at {exchange.EntryPrice}: the exchange's is kept");
                trader.AdoptPerp(exchange.Size, exchange.EntryPrice);
            }

            var coin = account.Balances.GetValueOrDefault(trader.BaseCoin);
            if (freshStart && exchange.Size != 0m)
            {
                // A fresh start knows nothing of the spot leg: take the hedge the perp implies, as far as the wallet holds it.
                var spot = exchange.Size < 0m ? Math.Min(coin, -exchange.Size) : -exchange.Size;
                report.Difference($"{trader.Symbol} spot: fresh start, the perp {exchange.Size} is taken as hedged by {spot} {trader.BaseCoin}");
                trader.AdoptSpot(spot, exchange.EntryPrice);
            }
            else if (bookedSpot > coin)
            {
                report.Difference($"{trader.Symbol} spot: booked {bookedSpot} {trader.BaseCoin} but the wallet holds {coin}: the wallet's is kept");
                trader.AdoptSpot(coin, spotPrice);
            }

            trader.OnSpotCoinBalance(coin);

            // Spot and perp should cancel out; a crash between the legs (or a hedge cut short) can leave them apart.
            var (heldSpot, heldPerp, step) = trader.Read(t => (t.Portfolio.Spot.Quantity, t.Portfolio.Perp.Quantity, t.CoarserStep));
            if (Math.Abs(heldSpot + heldPerp) >= step)
            {
                report.Difference($"{trader.Symbol} is unhedged: spot {heldSpot}, perp {heldPerp}; both legs are closed at the first valid books, then trading resumes");
                trader.FlattenOnce();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: fill {ExecId} of {OrderLinkId} ({Side} {Quantity} at {Price}) happened while the bot was down: booked now")]
    private partial void LogRecovered(string symbol, string execId, string orderLinkId, string side, decimal quantity, decimal price);
}
