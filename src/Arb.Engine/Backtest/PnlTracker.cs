namespace Arb.Engine.Backtest;

/// <summary>
/// Follows one PnL series sample by sample: its running peak and largest drawdown, and the one-minute changes the
/// Sharpe ratio is computed from (Welford's running mean and variance, so memory stays flat whatever the length).
/// </summary>
internal sealed class PnlTracker(decimal equityUsd)
{
    private const long MinuteMs = 60_000;
    private const double MinutesPerYear = 525_600;
    private decimal _peak;
    private long _minuteStartMs = long.MinValue;
    private decimal _minuteStartPnl;
    private long _minutes;
    private double _mean;
    private double _m2;

    public decimal MaxDrawdown { get; private set; }

    public decimal Last { get; private set; }

    /// <summary>The drawdown at the last sample.</summary>
    public decimal Drawdown => _peak - Last;

    public void Sample(long timeMs, decimal pnl)
    {
        Last = pnl;
        _peak = Math.Max(_peak, pnl);
        MaxDrawdown = Math.Max(MaxDrawdown, _peak - pnl);
        if (_minuteStartMs == long.MinValue)
        {
            (_minuteStartMs, _minuteStartPnl) = (timeMs, pnl);
            return;
        }

        // One return per whole minute of data time; a quiet gap of several minutes counts its minutes as flat.
        while (timeMs - _minuteStartMs >= MinuteMs)
        {
            Add((double)((pnl - _minuteStartPnl) / equityUsd));
            _minuteStartMs += MinuteMs;
            _minuteStartPnl = pnl;
        }
    }

    /// <summary>Annualized: mean over standard deviation of the minute returns, times √(minutes in a year).</summary>
    public double? Sharpe
    {
        get
        {
            if (_minutes < 2)
            {
                return null;
            }

            var variance = _m2 / (_minutes - 1);
            return variance <= 0 ? null : Math.Round(_mean / Math.Sqrt(variance) * Math.Sqrt(MinutesPerYear), 4);
        }
    }

    private void Add(double value)
    {
        _minutes++;
        var delta = value - _mean;
        _mean += delta / _minutes;
        _m2 += delta * (value - _mean);
    }
}
