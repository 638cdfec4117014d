using Arb.Engine.Risk;
namespace Arb.Engine.State;

/// <summary>
/// What a snapshot must satisfy to be loaded, and to be saved: the current schema version, every section present,
/// no null entries, lots positive and adding up to their leg, no negative prices or counts. The same check runs
/// before a save, so the store never writes a file it would later refuse to read.
/// </summary>
internal static class StateValidator
{
    /// <summary>Null when <paramref name="state"/> is valid, else the first problem found.</summary>
    public static string? Problem(BotState state)
    {
        if (state.SchemaVersion != BotState.CurrentSchemaVersion)
        {
            return $"schema version {state.SchemaVersion}, expected {BotState.CurrentSchemaVersion}";
        }

        if (state.Symbols is null || state.InFlightOrders is null || state.Risk is null)
        {
            return "symbols, inFlightOrders and risk are all required";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in state.Symbols)
        {
            if (symbol is null || string.IsNullOrWhiteSpace(symbol.Symbol))
            {
                return "a symbol entry without a symbol";
            }

            if (!seen.Add(symbol.Symbol))
            {
                return $"{symbol.Symbol} appears twice";
            }

            if (SymbolProblem(symbol) is { } problem)
            {
                return $"{symbol.Symbol}: {problem}";
            }
        }

        foreach (var order in state.InFlightOrders)
        {
            if ((order is null ? "null entry" : OrderProblem(order)) is { } problem)
            {
                return $"in-flight order {order?.OrderLinkId}: {problem}";
            }
        }

        return RiskProblem(state.Risk);
    }

    private static string? SymbolProblem(SymbolSnapshot symbol)
    {
        if (symbol.Spot is null || symbol.Perp is null || symbol.Throttle is null || symbol.BookedExecIds is null)
        {
            return "spot, perp, throttle and bookedExecIds are all required";
        }

        if (LegProblem(symbol.Spot) is { } spot)
        {
            return "spot " + spot;
        }

        if (LegProblem(symbol.Perp) is { } perp)
        {
            return "perp " + perp;
        }

        if (symbol.Throttle.TradesToday < 0 || (symbol.Throttle.Day is null && symbol.Throttle.TradesToday != 0))
        {
            return $"trades today {symbol.Throttle.TradesToday} on day {symbol.Throttle.Day?.ToString() ?? "none"}";
        }

        return symbol.BookedExecIds.Any(string.IsNullOrEmpty) ? "an empty booked exec id" : null;
    }

    private static string? LegProblem(LegSnapshot leg)
    {
        if (leg.Lots is null)
        {
            return "lots missing";
        }

        var total = 0m;
        foreach (var lot in leg.Lots)
        {
            if (lot is null || lot.Quantity <= 0m || lot.Price < 0m)
            {
                return lot is null ? "null lot" : $"lot of {lot.Quantity} at {lot.Price}";
            }

            total += lot.Quantity;
        }

        return total == Math.Abs(leg.Quantity) ? null : $"lots total {total} but the quantity is {leg.Quantity}";
    }

    private static string? OrderProblem(InFlightOrderSnapshot order)
    {
        if (string.IsNullOrEmpty(order.OrderLinkId) || string.IsNullOrWhiteSpace(order.Symbol))
        {
            return "no client order id or symbol";
        }

        if (!Enum.IsDefined(order.Category) || !Enum.IsDefined(order.Side))
        {
            return "unknown category or side";
        }

        if (order.Quantity <= 0m || order.FilledQuantity < 0m || order.LimitPrice < 0m || order.ExpectedPrice < 0m)
        {
            return $"quantity {order.Quantity}, filled {order.FilledQuantity}, limit {order.LimitPrice}, expected {order.ExpectedPrice}";
        }

        return null;
    }

    private static string? RiskProblem(RiskStateSnapshot risk)
    {
        if (risk.SymbolPeakPnlUsd is null)
        {
            return "risk: symbolPeakPnlUsd is required";
        }

        if (risk.Stop is { } stop && (!Enum.IsDefined(stop.Rule) || string.IsNullOrEmpty(stop.Message)))
        {
            return "risk: a stop without a known rule or a message";
        }

        return risk.ConsecutiveLosses < 0 ? "risk: a negative count of consecutive losses" : null;
    }
}
