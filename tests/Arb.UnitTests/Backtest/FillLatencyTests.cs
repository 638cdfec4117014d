using System.Globalization;
using Arb.Domain.Market;
using Arb.Engine.Backtest;

namespace Arb.UnitTests.Backtest;

/// <summary>
/// <c>--latency-ms</c>: an order decided on one row reaches the simulated venue that much data time later and fills
/// against the book as it stands then, not as it stood at the decision.
/// </summary>
public sealed class FillLatencyTests : IDisposable
{
    private const long T0 = 1_700_000_000_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("arb-latency-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Orders_fill_at_the_book_of_their_arrival_time()
    {
        var immediate = Fills(TimeSpan.Zero);
        var delayed = Fills(TimeSpan.FromMilliseconds(500));

        // Decided at T0+3 s on a perp bid of 100.30: at once it fills there.
        Assert.Equal(["Buy spot 10.00@100.00 at +3000", "Sell linear 10.00@100.30 at +3000"], immediate);

        // 500 ms later the perp bid is 100.34 (the row at +3.2 s): the IOC sell, limited at 100.30, takes it there; the
        // row at +3.6 s comes after the orders arrived and is not seen.
        Assert.Equal(["Buy spot 10.00@100.00 at +3500", "Sell linear 10.00@100.34 at +3500"], delayed);
    }

    private List<string> Fills(TimeSpan latency)
    {
        var trades = Path.Combine(_dir, $"trades-{latency.TotalMilliseconds}.csv");
        new BacktestRun(HandComputedScenarioTests.Options(trades) with { FillLatency = latency }).Run(Rows());
        return [.. File.ReadLines(trades).Skip(1).Select(l => l.Split(',')).Take(2).Select(f =>
            $"{f[2]} {f[7]} {f[3]}@{f[4]} at +{DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() - T0}")];
    }

    private static IEnumerable<QuoteRow> Rows()
    {
        var line = 1;
        QuoteRow Spot(long at, decimal bid, decimal ask) => new("ABCUSDT", MarketCategory.Spot, bid, ask, 50m, 50m, T0 + at, null, null, ++line);
        QuoteRow Perp(long at, decimal bid, decimal ask) => new("ABCUSDT", MarketCategory.Linear, bid, ask, 50m, 50m, T0 + at, null, null, ++line);

        yield return Spot(0, 99.98m, 100.00m);
        yield return Perp(1_000, 100.08m, 100.10m);
        yield return Spot(2_000, 99.98m, 100.00m);
        yield return Perp(3_000, 100.30m, 100.32m);   // open edge 15 bps: decided here
        yield return Perp(3_200, 100.34m, 100.36m);   // the book the delayed orders meet
        yield return Spot(3_600, 99.50m, 99.52m);     // after they arrived
        yield return Perp(4_000, 100.34m, 100.36m);
    }
}
