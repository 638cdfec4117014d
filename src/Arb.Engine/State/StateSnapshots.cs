using Arb.Engine.Risk;
using Arb.Domain.Execution;
using Arb.Engine.Execution;
using Arb.Engine.Portfolio;
using Arb.Engine.Trading;

namespace Arb.Engine.State;

/// <summary>
/// Between the engine's objects and the state file's records: capture (copies, exact) and restore. Capturing a
/// live object must happen under the lock that guards it; <see cref="SymbolTrader.CaptureState"/> and
/// <see cref="Capture(TradingEngine, DateTimeOffset, RiskStateSnapshot, DateTimeOffset)"/> do that.
/// </summary>
public static class StateSnapshots
{
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static LegSnapshot Capture(PositionLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return new LegSnapshot(leg.Quantity, leg.Realized, leg.Lots.Select(l => new LotSnapshot(l.Quantity, l.Price)).ToArray());
    }

    public static void Restore(PositionLeg leg, LegSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(leg);
        ArgumentNullException.ThrowIfNull(snapshot);
        leg.Restore(snapshot.Quantity, snapshot.Lots.Select(l => (l.Quantity, l.Price)), snapshot.Realized);
    }

    /// <summary>Both legs, fees and funding of <paramref name="portfolio"/> (the snapshot's counters and exec ids are not the portfolio's).</summary>
    public static void Restore(SymbolPortfolio portfolio, SymbolSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(snapshot);
        Restore(portfolio.Spot, snapshot.Spot);
        Restore(portfolio.Perp, snapshot.Perp);
        portfolio.Restore(snapshot.FeesUsd, snapshot.FundingUsd);
    }

    public static InFlightOrderSnapshot Capture(TrackedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var intent = order.Intent;
        return new InFlightOrderSnapshot(
            intent.Category,
            intent.Symbol,
            intent.Side,
            intent.Quantity,
            intent.LimitPrice,
            intent.OrderLinkId,
            intent.ReduceOnly,
            order.EdgeBps,
            order.ExpectedPrice,
            order.FilledQuantity,
            order.TrackedAtMs == 0 ? null : order.TrackedAtMs);
    }

    public static OrderIntent ToIntent(InFlightOrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderIntent(order.Category, order.Symbol, order.Side, order.Quantity, order.LimitPrice, order.OrderLinkId, order.ReduceOnly);
    }

    /// <summary>
    /// The whole engine: every symbol (each under its own lock, with its exec ids) and the orders in flight.
    /// <paramref name="risk"/> is the risk manager's own snapshot.
    /// </summary>
    public static BotState Capture(TradingEngine engine, DateTimeOffset sessionStartedAt, RiskStateSnapshot risk, DateTimeOffset savedAt)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(risk);
        return new BotState
        {
            SavedAt = savedAt,
            SessionStartedAt = sessionStartedAt,
            Symbols = engine.Traders.Select(t => t.CaptureState()).ToArray(),
            InFlightOrders = engine.Tracker.SelectUnsettled(Capture),
            Risk = risk,
        };
    }

    /// <summary>
    /// Restores every configured symbol found in <paramref name="state"/> and marks all its booked exec ids as
    /// seen. Returns the saved symbols the engine does not trade (their positions are not restored: the caller
    /// must decide, since they may hold coin). In-flight orders are left to the caller's reconciliation (see
    /// <see cref="RestoreInFlight"/>).
    /// </summary>
    public static IReadOnlyList<SymbolSnapshot> Restore(TradingEngine engine, BotState state)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(state);
        var unknown = new List<SymbolSnapshot>();
        foreach (var snapshot in state.Symbols)
        {
            if (engine.Traders.FirstOrDefault(t => t.Symbol == snapshot.Symbol) is not { } trader)
            {
                unknown.Add(snapshot);
                continue;
            }

            trader.RestoreState(snapshot);
            engine.Tracker.RememberExecIds(snapshot.BookedExecIds);
        }

        return unknown;
    }

    /// <summary>Tracks the saved in-flight orders again, with what they had filled, so a venue query can settle them.</summary>
    public static IReadOnlyList<TrackedOrder> RestoreInFlight(OrderTracker tracker, IEnumerable<InFlightOrderSnapshot> orders)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(orders);
        return orders.Select(o => tracker.Restore(ToIntent(o), o.EdgeBps, o.ExpectedPrice, o.FilledQuantity, o.SentAtMs ?? 0)).ToList();
    }

    internal static SymbolSnapshot Capture(SymbolPortfolio portfolio, TradeThrottle throttle, BookedExecIds booked) =>
        new(portfolio.Symbol, Capture(portfolio.Spot), Capture(portfolio.Perp), portfolio.FeesUsd, portfolio.FundingUsd, Capture(throttle), booked.ToArray());

    internal static ThrottleSnapshot Capture(TradeThrottle throttle)
    {
        var (day, today, lastTradeMs) = throttle.Counters;
        return new ThrottleSnapshot(
            day == long.MinValue ? null : DateOnly.FromDayNumber(checked((int)(EpochDayNumber + day))),
            day == long.MinValue ? 0 : today,
            lastTradeMs == long.MinValue ? null : lastTradeMs);
    }

    internal static void Restore(TradeThrottle throttle, ThrottleSnapshot snapshot) =>
        throttle.Restore(
            snapshot.Day is { } day ? day.DayNumber - EpochDayNumber : long.MinValue,
            snapshot.TradesToday,
            snapshot.LastTradeMs ?? long.MinValue);
}
