using System.Globalization;
using Arb.Engine.Trading;

namespace Arb.Cli.Run.Status;

/// <summary>
/// How the status view writes numbers, shared by the live table and the log lines so both read the same:
/// invariant culture (no thousands separators, '.' decimals) so lines can be grepped and parsed.
/// </summary>
internal static class StatusFormat
{
    // Enough '#' for decimal's largest scale (28): every digit the engine holds, none it does not.
    private const string Exact = "0.############################";

    /// <summary>USDT amounts: two decimals, sign only when negative.</summary>
    public static string Money(decimal value) => Rounded(value, 2).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Basis points to one decimal; <paramref name="missing"/> when the engine has no value.</summary>
    public static string Bps(decimal? value, string missing = "") =>
        value is { } bps ? Rounded(bps, 1).ToString("0.0", CultureInfo.InvariantCulture) : missing;

    /// <summary>Quantities exactly as held, signed (perp short is negative), without trailing zeros.</summary>
    public static string Quantity(decimal value) => value == 0m ? "0" : value.ToString(Exact, CultureInfo.InvariantCulture);

    /// <summary>An entry price exactly as held; blank when the leg is flat, where the engine's 0 means "none".</summary>
    public static string EntryPrice(decimal price, decimal quantity) =>
        quantity == 0m ? string.Empty : price.ToString(Exact, CultureInfo.InvariantCulture);

    /// <summary>The state as one lowercase token, so a log line stays split-able on spaces.</summary>
    public static string State(SymbolTradingState state) => state switch
    {
        SymbolTradingState.Warming => "warming",
        SymbolTradingState.Active => "active",
        SymbolTradingState.Executing => "executing",
        SymbolTradingState.CoolingDown => "cooling-down",
        SymbolTradingState.PausedForDay => "paused-for-day",
        SymbolTradingState.Stale => "stale",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>The snapshot's time in UTC, to the second.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    // Round first so a tiny loss reads "0.00", not "-0.00".
    private static decimal Rounded(decimal value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded == 0m ? 0m : rounded;
    }
}
