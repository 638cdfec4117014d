namespace Arb.Engine.State;

/// <summary>
/// The daily trade counter of a symbol: <paramref name="TradesToday"/> counted on the UTC <paramref name="Day"/>
/// (null before the first trade), and the last trade's time (Unix ms) for the cooldown.
/// </summary>
public sealed record ThrottleSnapshot(DateOnly? Day, int TradesToday, long? LastTradeMs)
{
    public static ThrottleSnapshot None { get; } = new(null, 0, null);
}
