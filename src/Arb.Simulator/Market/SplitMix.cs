namespace Arb.Simulator.Market;

/// <summary>
/// A small deterministic generator (SplitMix64): the same seed gives the same sequence on every machine and
/// .NET version, which <see cref="Random"/> with a seed does not promise.
/// </summary>
internal sealed class SplitMix(ulong seed)
{
    private ulong _state = seed;

    public static ulong Hash(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public ulong Next() => Hash(_state++);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (Box-Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
