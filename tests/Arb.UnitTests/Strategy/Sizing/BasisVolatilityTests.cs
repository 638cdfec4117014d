using Arb.Strategy.Sizing;

namespace Arb.UnitTests.Strategy.Sizing;

public sealed class BasisVolatilityTests
{
    private static BasisVolatility Filled(int window, params double[] samples)
    {
        var volatility = new BasisVolatility(window);
        foreach (var sample in samples)
        {
            volatility.Add(sample);
        }

        return volatility;
    }

    // Straightforward mean-then-deviations sample standard deviation, as the reference.
    private static double TwoPassStdDev(ReadOnlySpan<double> samples)
    {
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += sample;
        }

        var mean = sum / samples.Length;
        double squares = 0;
        foreach (var sample in samples)
        {
            squares += (sample - mean) * (sample - mean);
        }

        return Math.Sqrt(squares / (samples.Length - 1));
    }

    [Fact]
    public void Window_below_two_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BasisVolatility(1));
    }

    [Fact]
    public void Fewer_than_two_samples_give_zero()
    {
        var volatility = new BasisVolatility(4);
        Assert.Equal(0, volatility.StdDevBps);
        volatility.Add(12.5);
        Assert.Equal(1, volatility.Count);
        Assert.Equal(0, volatility.StdDevBps);
    }

    [Fact]
    public void Matches_a_hand_computed_sample_standard_deviation()
    {
        // Mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sample variance 32 / 7.
        var volatility = Filled(8, 2, 4, 4, 4, 5, 5, 7, 9);

        Assert.Equal(8, volatility.Count);
        Assert.Equal(Math.Sqrt(32.0 / 7.0), volatility.StdDevBps, 12);
    }

    [Fact]
    public void Partial_window_uses_only_the_samples_seen()
    {
        // Mean 2; squared deviations 1+0+1 = 2; sample variance 1.
        var volatility = Filled(10, 1, 2, 3);

        Assert.Equal(3, volatility.Count);
        Assert.Equal(1.0, volatility.StdDevBps, 12);
    }

    [Fact]
    public void Rolling_window_drops_the_oldest_samples()
    {
        var volatility = Filled(3, 100, -250, 400);
        volatility.Add(1);
        volatility.Add(2);
        Assert.Equal(3, volatility.Count);
        Assert.Equal(TwoPassStdDev([400, 1, 2]), volatility.StdDevBps, 9);

        volatility.Add(3);
        Assert.Equal(3, volatility.Count);
        Assert.Equal(1.0, volatility.StdDevBps, 12);
    }

    [Fact]
    public void Constant_basis_far_from_zero_gives_zero()
    {
        var volatility = new BasisVolatility(7);
        for (var i = 0; i < 50; i++)
        {
            volatility.Add(123_456.789);
        }

        Assert.Equal(0, volatility.StdDevBps);
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(8, 4)]
    [InlineData(9, 4)]
    public void Is_ready_from_half_the_window_and_at_least_two_samples(int window, int readyAt)
    {
        var volatility = new BasisVolatility(window);
        for (var i = 1; i < readyAt; i++)
        {
            volatility.Add(i);
            Assert.False(volatility.IsReady);
        }

        volatility.Add(readyAt);
        Assert.True(volatility.IsReady);
    }

    [Fact]
    public void Reset_forgets_every_sample()
    {
        var volatility = Filled(4, 1, 50, -20, 7);
        volatility.Reset();
        Assert.Equal(0, volatility.Count);
        Assert.False(volatility.IsReady);

        volatility.Add(10);
        volatility.Add(12);
        Assert.Equal(Math.Sqrt(2.0), volatility.StdDevBps, 12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_samples_are_rejected(double sample)
    {
        var volatility = Filled(4, 1, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => volatility.Add(sample));
        Assert.Equal(2, volatility.Count);
    }

    [Fact]
    public void Stays_accurate_over_a_million_samples()
    {
        // A window that does not divide the run, so the final check falls between two re-anchorings;
        // a large, drifting mean with a small spread is the hard case for running sums.
        const int window = 383;
        const int samples = 1_000_000;
        var volatility = new BasisVolatility(window);
        var recent = new double[window];
        var random = new Random(20240611);
        for (var i = 0; i < samples; i++)
        {
            var level = 5_000 + (4_000 * Math.Sin(i * 1e-4));
            var sample = level + (3 * Math.Sin(i * 0.05)) + random.NextDouble();
            volatility.Add(sample);
            recent[i % window] = sample;

            if (i % 9_973 == 9_972 || i == samples - 1)
            {
                var expected = TwoPassStdDev(recent);
                Assert.True(
                    Math.Abs(volatility.StdDevBps - expected) <= expected * 1e-9,
                    $"at sample {i}: {volatility.StdDevBps} vs two-pass {expected}");
            }
        }
    }

    [Fact]
    public void Adding_samples_does_not_allocate()
    {
        var volatility = new BasisVolatility(64);
        for (var i = 0; i < 1_000; i++)
        {
            volatility.Add(i % 17);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        double sink = 0;
        for (var i = 0; i < 10_000; i++)
        {
            volatility.Add(i % 13);
            sink += volatility.StdDevBps;
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sink > 0);
    }
}
