namespace Arb.Engine.Trading;

/// <summary>
/// TRADE_COOLDOWN_SEC and MAX_DAILY_TRADES for one symbol. A trade counts when it is decided (so executions in
/// flight count too, and parallel slots cannot overshoot the daily limit). The day is the UTC calendar day; at
/// the limit new positions wait for the next day, while closing one stays allowed (a pause must not trap a
/// position). Not thread-safe: used under the symbol's lock.
/// </summary>
internal sealed class TradeThrottle(TimeSpan cooldown, int maxDailyTrades)
{
    private const long DayMs = 86_400_000;
    private readonly long _cooldownMs = (long)cooldown.TotalMilliseconds;
    private long _lastTradeMs = long.MinValue;
    private long _day = long.MinValue;
    private int _today;

    public int MaxDailyTrades { get; } = maxDailyTrades;

    public bool IsCoolingDown(long nowMs) => _lastTradeMs != long.MinValue && nowMs - _lastTradeMs < _cooldownMs;

    public bool IsPausedForDay(long nowMs) => TradesToday(nowMs) >= MaxDailyTrades;

    public bool CanOpen(long nowMs) => !IsCoolingDown(nowMs) && !IsPausedForDay(nowMs);

    public bool CanClose(long nowMs) => !IsCoolingDown(nowMs);

    public int TradesToday(long nowMs)
    {
        Roll(nowMs);
        return _today;
    }

    public void Record(long nowMs)
    {
        Roll(nowMs);
        _today++;
        _lastTradeMs = nowMs;
    }

    /// <summary>
    /// The raw counters for the state file: the UTC day number (days since the Unix epoch) the count belongs to,
    /// the count, and the last trade's time; <see cref="long.MinValue"/> for a day or time not set yet.
    /// </summary>
    public (long Day, int Today, long LastTradeMs) Counters => (_day, _today, _lastTradeMs);

    /// <summary>Puts back counters saved by an earlier run; a saved day that is over rolls to 0 at the next check.</summary>
    public void Restore(long day, int today, long lastTradeMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(today);
        _day = day;
        _today = today;
        _lastTradeMs = lastTradeMs;
    }

    private void Roll(long nowMs)
    {
        var day = Math.DivRem(nowMs, DayMs, out var rest) - (rest < 0 ? 1 : 0);
        if (day != _day)
        {
            _day = day;
            _today = 0;
        }
    }
}
