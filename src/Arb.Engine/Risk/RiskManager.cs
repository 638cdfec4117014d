using System.Globalization;

namespace Arb.Engine.Risk;

/// <summary>
/// The risk limits' decisions, with no I/O: the engine feeds it PnL, round trips, errors and the orders it wants
/// to open, and acts on the answers (docs/trading.md, "Risk limits", states each rule exactly).
/// </summary>
/// <remarks>
/// Every limit triggers when it is reached, not only when passed: a 200 USD drawdown limit stops at a loss of
/// exactly 200. Only the first stop is recorded and counted; whatever is breached after it (typically by the
/// closing trades themselves) changes nothing, so stopping cannot loop. Thread-safe: all state sits behind one
/// lock, held briefly and never across a call out.
/// </remarks>
public sealed class RiskManager
{
    private readonly Lock _sync = new();
    private readonly RiskLimits _limits;
    private readonly TimeProvider _time;
    private readonly long[] _violations = new long[Enum.GetValues<RiskRule>().Length];
    private readonly Dictionary<string, decimal> _symbolPeaks = new(StringComparer.Ordinal);

    // Monotonic timestamps of the latest errors, at most ErrorLimit of them: older ones cannot change the answer.
    private readonly Queue<long> _errors = new();
    private TradingState _state = TradingState.Active;
    private RiskStop? _stop;
    private RiskPause? _pause;

    // The session's PnL is 0 before its first trade, so the peaks start there rather than at the first reading.
    private decimal _peak;
    private DateOnly? _day;
    private decimal _dayStartPnl;
    private int _consecutiveLosses;
    private bool _started;

    public RiskManager(RiskLimits limits, TimeProvider time)
    {
        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public RiskLimits Limits => _limits;

    public TradingState State
    {
        get
        {
            lock (_sync)
            {
                return _state;
            }
        }
    }

    /// <summary>The stop that moved trading out of Active, if any.</summary>
    public RiskStop? Stop
    {
        get
        {
            lock (_sync)
            {
                return _stop;
            }
        }
    }

    /// <summary>The daily drawdown pause in force now, or null (none, or it ended at 00:00 UTC).</summary>
    public RiskPause? Pause
    {
        get
        {
            lock (_sync)
            {
                return ActivePause(_time.GetUtcNow());
            }
        }
    }

    public decimal PeakPnlUsd
    {
        get
        {
            lock (_sync)
            {
                return _peak;
            }
        }
    }

    public int ConsecutiveLosses
    {
        get
        {
            lock (_sync)
            {
                return _consecutiveLosses;
            }
        }
    }

    /// <summary>The highest PnL seen for a symbol (0 before any reading).</summary>
    public decimal SymbolPeakPnlUsd(string symbol)
    {
        lock (_sync)
        {
            return _symbolPeaks.GetValueOrDefault(symbol);
        }
    }

    /// <summary>
    /// Checks an open of <paramref name="notionalUsd"/> in <paramref name="symbol"/>. Refused while trading is not
    /// Active or the daily pause is in force (neither counted: the event behind them was). Otherwise the room is
    /// the smaller of MAX_POSITION_USD less the symbol's held and reserved notional, and MAX_EXPOSURE_USD less all
    /// symbols' held and reserved notional; an open that fits is allowed, one that does not is shrunk to the room
    /// or, with no room, refused, and either outcome counts one violation of the binding rule.
    /// </summary>
    public OrderCheck CheckOpen(string symbol, decimal notionalUsd, ExposureView exposure)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(notionalUsd);
        ArgumentNullException.ThrowIfNull(exposure);
        lock (_sync)
        {
            if (_state != TradingState.Active)
            {
                var why = _stop is null ? $"trading is {_state}" : $"trading is {_state} after a stop: {_stop.Message}";
                return OrderCheck.Refuse(RiskRule.NotActive, why);
            }

            if (ActivePause(_time.GetUtcNow()) is { } pause)
            {
                return OrderCheck.Refuse(RiskRule.DailyDrawdown, pause.Message);
            }

            var own = exposure.Of(symbol);
            var positionRoom = _limits.MaxPositionUsd - own.TotalUsd;
            var exposureRoom = _limits.MaxExposureUsd - exposure.TotalUsd;
            if (notionalUsd <= positionRoom && notionalUsd <= exposureRoom)
            {
                return OrderCheck.Allow(notionalUsd);
            }

            // On a tie the position limit is named: it is the one the symbol's own sizing already aims at.
            string reason;
            RiskRule rule;
            decimal room;
            if (positionRoom <= exposureRoom)
            {
                (rule, room) = (RiskRule.MaxPosition, positionRoom);
                reason = $"{symbol}: {Usd(notionalUsd)} USD on {Usd(own.HeldUsd)} held and {Usd(own.ReservedUsd)} in flight "
                    + $"would pass MAX_POSITION_USD {Usd(_limits.MaxPositionUsd)}";
            }
            else
            {
                (rule, room) = (RiskRule.MaxExposure, exposureRoom);
                reason = $"{symbol}: {Usd(notionalUsd)} USD on {Usd(exposure.HeldUsd)} held and {Usd(exposure.ReservedUsd)} in flight "
                    + $"across all symbols would pass MAX_EXPOSURE_USD {Usd(_limits.MaxExposureUsd)}";
            }

            _violations[(int)rule]++;
            return room > 0m ? OrderCheck.Shrink(room, rule, reason + $": shrunk to {Usd(room)} USD") : OrderCheck.Refuse(rule, reason + ": no room left");
        }
    }

    /// <summary>
    /// A close is always allowed, in every state and during the daily pause: it lowers exposure and is how a stop
    /// gets flat, so no rule refuses one. Here so that the engine asks one object about every order.
    /// </summary>
    public OrderCheck CheckClose(string symbol, decimal notionalUsd)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentOutOfRangeException.ThrowIfNegative(notionalUsd);
        return OrderCheck.Allow(notionalUsd);
    }

    /// <summary>
    /// Reads the PnL (periodically and after every fill): raises the peaks, starts the UTC day's baseline at the
    /// first reading of each day, and returns a stop when a stop rule is breached while Active (trading moves to
    /// Reducing). A daily drawdown pauses opens until 00:00 UTC instead (<see cref="Pause"/>) and returns null.
    /// </summary>
    public RiskStop? Evaluate(PnlView pnl)
    {
        ArgumentNullException.ThrowIfNull(pnl);
        lock (_sync)
        {
            _started = true;
            var now = _time.GetUtcNow();
            var total = pnl.TotalUsd;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (_day != today)
            {
                _day = today;
                _dayStartPnl = total;
            }

            _peak = Math.Max(_peak, total);
            foreach (var s in pnl.Symbols)
            {
                _symbolPeaks[s.Symbol] = Math.Max(_symbolPeaks.GetValueOrDefault(s.Symbol), s.TotalUsd);
            }

            if (_state != TradingState.Active)
            {
                return null;
            }

            if (FirstBreach(pnl, total) is { } breach)
            {
                return StopWith(breach.Rule, breach.Message, now, breach.Symbol);
            }

            var dayPnl = total - _dayStartPnl;
            if (ActivePause(now) is null && dayPnl <= -_limits.DailyDrawdownUsd)
            {
                var until = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var message = $"the UTC day's PnL {Usd(dayPnl)} USD ({Usd(total)} now, {Usd(_dayStartPnl)} at the day's start) "
                    + $"reached -DAILY_DRAWDOWN_USD {Usd(_limits.DailyDrawdownUsd)}: no new positions until {until:yyyy-MM-dd HH:mm} UTC";
                _pause = new RiskPause(RiskRule.DailyDrawdown, message, now, until);
                _violations[(int)RiskRule.DailyDrawdown]++;
            }

            return null;
        }
    }

    /// <summary>
    /// A position went back to flat with this net PnL (fees and funding included). A loss extends the streak, any
    /// other result ends it; the streak reaching MAX_CONSECUTIVE_LOSSES is a stop, returned.
    /// </summary>
    public RiskStop? RecordRoundTrip(string symbol, decimal netPnlUsd)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        lock (_sync)
        {
            _started = true;
            _consecutiveLosses = netPnlUsd < 0m ? _consecutiveLosses + 1 : 0;
            if (_state != TradingState.Active || _consecutiveLosses < _limits.MaxConsecutiveLosses)
            {
                return null;
            }

            var message = $"{_consecutiveLosses} losing round trips in a row, the last {symbol} at {Usd(netPnlUsd)} USD, "
                + $"reached MAX_CONSECUTIVE_LOSSES {_limits.MaxConsecutiveLosses}";
            return StopWith(RiskRule.MaxConsecutiveLosses, message, _time.GetUtcNow(), symbol);
        }
    }

    /// <summary>
    /// An error happened (<paramref name="kind"/> says which, for the message). ERROR_LIMIT errors within the last
    /// <see cref="RiskLimits.ErrorWindow"/> (an error stops counting once it is a whole window old) is a stop, returned.
    /// </summary>
    public RiskStop? RecordError(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        lock (_sync)
        {
            _started = true;

            // The monotonic clock, so a wall-clock step cannot stretch or shrink the window.
            var now = _time.GetTimestamp();
            _errors.Enqueue(now);
            while (_errors.Count > _limits.ErrorLimit || _time.GetElapsedTime(_errors.Peek(), now) >= _limits.ErrorWindow)
            {
                _errors.Dequeue();
            }

            if (_state != TradingState.Active || _errors.Count < _limits.ErrorLimit)
            {
                return null;
            }

            var span = _time.GetElapsedTime(_errors.Peek(), now);
            var message = $"{_errors.Count} errors within {span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s, "
                + $"the last one {kind}, reached ERROR_LIMIT {_limits.ErrorLimit} per {_limits.ErrorWindow.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
            return StopWith(RiskRule.ErrorLimit, message, _time.GetUtcNow());
        }
    }

    /// <summary>Every position is closed after a stop: Reducing becomes Halted. Returns whether it did.</summary>
    public bool MarkFlat()
    {
        lock (_sync)
        {
            if (_state != TradingState.Reducing)
            {
                return false;
            }

            _state = TradingState.Halted;
            return true;
        }
    }

    /// <summary>Halted from any state: the engine gave up closing, or is shutting down. Records no stop.</summary>
    public void Halt()
    {
        lock (_sync)
        {
            _state = TradingState.Halted;
        }
    }

    /// <summary>How many times each counted rule was violated in this process (<c>risk_violation_total</c> by rule label), zeros included.</summary>
    public IReadOnlyDictionary<string, long> ViolationCounts()
    {
        lock (_sync)
        {
            return RiskRules.Counted.ToDictionary(r => r.Label(), r => _violations[(int)r], StringComparer.Ordinal);
        }
    }

    public long ViolationCount(RiskRule rule)
    {
        lock (_sync)
        {
            return _violations[(int)rule];
        }
    }

    /// <summary>The state that must survive a restart.</summary>
    public RiskStateSnapshot Capture()
    {
        lock (_sync)
        {
            return new RiskStateSnapshot(
                _peak,
                new Dictionary<string, decimal>(_symbolPeaks, StringComparer.Ordinal),
                _day,
                _dayStartPnl,
                _consecutiveLosses,
                ActivePause(_time.GetUtcNow()),
                _stop);
        }
    }

    /// <summary>
    /// Resumes from a snapshot, once, before anything is evaluated or recorded. A restored stop puts trading back in
    /// Reducing (close whatever is left, then halt) without counting it again: a restart does not lift a stop.
    /// </summary>
    public void Restore(RiskStateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(snapshot.SymbolPeakPnlUsd, nameof(snapshot));
        ArgumentOutOfRangeException.ThrowIfNegative(snapshot.ConsecutiveLosses, nameof(snapshot));
        lock (_sync)
        {
            if (_started)
            {
                throw new InvalidOperationException("the risk state can only be restored once, before the first evaluation or record");
            }

            _started = true;
            _peak = snapshot.PeakPnlUsd;
            foreach (var (symbol, peak) in snapshot.SymbolPeakPnlUsd)
            {
                _symbolPeaks[symbol] = peak;
            }

            _day = snapshot.Day;
            _dayStartPnl = snapshot.DayStartPnlUsd;
            _consecutiveLosses = snapshot.ConsecutiveLosses;
            _pause = snapshot.DailyPause;
            _stop = snapshot.Stop;
            if (_stop is not null)
            {
                _state = TradingState.Reducing;
            }
        }
    }

    private RiskPause? ActivePause(DateTimeOffset now) => _pause is { } pause && now < pause.Until ? pause : null;

    // The first stop rule breached, in a fixed order (session-wide before per-symbol, losses before the profit target).
    private (RiskRule Rule, string Message, string? Symbol)? FirstBreach(PnlView pnl, decimal total)
    {
        if (total <= -_limits.MaxDrawdownUsd)
        {
            return (RiskRule.MaxDrawdown, $"session PnL {Usd(total)} USD reached -MAX_DRAWDOWN_USD {Usd(_limits.MaxDrawdownUsd)}", null);
        }

        if (_peak - total >= _limits.MaxRelativeDrawdownUsd)
        {
            return (RiskRule.MaxRelativeDrawdown, $"session PnL {Usd(total)} USD is {Usd(_peak - total)} below its peak {Usd(_peak)}, "
                + $"reaching MAX_RELATIVE_DRAWDOWN_USD {Usd(_limits.MaxRelativeDrawdownUsd)}", null);
        }

        foreach (var s in pnl.Symbols)
        {
            if (s.TotalUsd <= -_limits.MaxSymbolDrawdownUsd)
            {
                return (RiskRule.MaxSymbolDrawdown, $"{s.Symbol} PnL {Usd(s.TotalUsd)} USD reached -MAX_SYMBOL_DRAWDOWN_USD {Usd(_limits.MaxSymbolDrawdownUsd)}", s.Symbol);
            }
        }

        foreach (var s in pnl.Symbols)
        {
            var peak = _symbolPeaks[s.Symbol];
            if (peak - s.TotalUsd >= _limits.MaxSymbolRelDrawdownUsd)
            {
                return (RiskRule.MaxSymbolRelDrawdown, $"{s.Symbol} PnL {Usd(s.TotalUsd)} USD is {Usd(peak - s.TotalUsd)} below its peak {Usd(peak)}, "
                    + $"reaching MAX_SYMBOL_REL_DRAWDOWN_USD {Usd(_limits.MaxSymbolRelDrawdownUsd)}", s.Symbol);
            }
        }

        if (_limits.HasProfitTarget && total >= _limits.MaxProfitUsd)
        {
            return (RiskRule.MaxProfit, $"session PnL {Usd(total)} USD reached MAX_PROFIT_USD {Usd(_limits.MaxProfitUsd)}", null);
        }

        return null;
    }

    private RiskStop StopWith(RiskRule rule, string message, DateTimeOffset now, string? symbol = null)
    {
        _stop = new RiskStop(rule, message, now, symbol);
        _state = TradingState.Reducing;
        _violations[(int)rule]++;
        return _stop;
    }

    private static string Usd(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
