namespace Arb.Strategy.Sizing;

/// <summary>
/// Rolling sample standard deviation of the spot-perp basis, in basis points, over the last N samples.
/// Allocation-free after construction: a fixed ring buffer plus two running sums.
/// </summary>
/// <remarks>
/// Running sums of raw values lose precision when the mean is large next to the spread, and add/remove
/// updates accumulate rounding error over millions of samples. Both are avoided by keeping the sums of
/// deviations from an anchor close to the mean, and by re-anchoring to the current mean and recomputing
/// the sums exactly from the buffer each time the ring wraps. That costs O(N) once per N samples, so O(1)
/// amortised, and bounds the drift to what N incremental updates can accumulate.
/// Not thread-safe: one owner adds samples and reads the statistic.
/// </remarks>
public sealed class BasisVolatility
{
    private readonly double[] _samples;
    private int _next;
    private int _count;
    private double _anchor;
    private double _sum;
    private double _sumOfSquares;

    public BasisVolatility(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        _samples = new double[window];
    }

    /// <summary>The N of the rolling window.</summary>
    public int Window => _samples.Length;

    /// <summary>Samples currently in the window, at most <see cref="Window"/>.</summary>
    public int Count => _count;

    /// <summary>
    /// True once half the window (and at least two samples) is filled: a standard deviation from a handful of
    /// samples just after start-up would understate the risk and oversize the first trades.
    /// </summary>
    public bool IsReady => _count >= Math.Max(2, _samples.Length / 2);

    /// <summary>Sample (n - 1) standard deviation in basis points; 0 with fewer than two samples.</summary>
    public double StdDevBps
    {
        get
        {
            if (_count < 2)
            {
                return 0;
            }

            var variance = (_sumOfSquares - (_sum * _sum / _count)) / (_count - 1);
            // Rounding can leave a tiny negative where the true variance is zero.
            return variance > 0 ? Math.Sqrt(variance) : 0;
        }
    }

    /// <summary>Adds one basis observation, dropping the oldest once the window is full.</summary>
    public void Add(double basisBps)
    {
        if (!double.IsFinite(basisBps))
        {
            throw new ArgumentOutOfRangeException(nameof(basisBps), basisBps, "The basis must be a finite number.");
        }

        if (_count == 0)
        {
            _anchor = basisBps;
        }

        if (_count == _samples.Length)
        {
            var old = _samples[_next] - _anchor;
            _sum -= old;
            _sumOfSquares -= old * old;
        }
        else
        {
            _count++;
        }

        _samples[_next] = basisBps;
        var deviation = basisBps - _anchor;
        _sum += deviation;
        _sumOfSquares += deviation * deviation;

        _next++;
        if (_next == _samples.Length)
        {
            _next = 0;
            Recompute();
        }
    }

    /// <summary>Forgets every sample, e.g. after a reconnect when the basis history is no longer continuous.</summary>
    public void Reset()
    {
        _next = 0;
        _count = 0;
        _anchor = 0;
        _sum = 0;
        _sumOfSquares = 0;
    }

    private void Recompute()
    {
        var mean = _anchor + (_sum / _count);
        double sum = 0;
        double sumOfSquares = 0;
        for (var i = 0; i < _count; i++)
        {
            var deviation = _samples[i] - mean;
            sum += deviation;
            sumOfSquares += deviation * deviation;
        }

        _anchor = mean;
        _sum = sum;
        _sumOfSquares = sumOfSquares;
    }
}
