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
