using System.Globalization;
using Arb.Domain.Market;
using Arb.Engine.Backtest;
using Arb.Engine.Execution;
using Arb.Engine.Journals;
using Arb.Engine.Risk;
using Arb.Engine.Trading;
using Arb.Strategy.Edge;
using Arb.Strategy.Sizing;

namespace Arb.UnitTests.Backtest;

/// <summary>
/// Twenty-odd quote rows of one coin whose trades, fills, fees, funding and PnL are worked out by hand below: two
/// round trips (one winning with a funding payment, one losing), each at MAX_POSITION_USD = 1000 on a 0.01 step.
/// Fees: spot 0.1 %, perp 0.05 %, so the net open edge is the gross basis at the touch minus 15 bps.
/// </summary>
public sealed class HandComputedScenarioTests : IDisposable
{
    private const long T0 = 1_700_000_000_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("arb-hand-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Two_round_trips_come_out_to_the_hand_computed_decimal()
    {
        var report = Run(out var trades);

        // Trade 1: open at r4 (edge (100.30 − 100.00)/100.00 = 30 bps − 15 = 15 ≥ 10): buy 10 spot @ 100.00 (fee 0.01
        // coin, so 9.99 held), sell 10 perp @ 100.30. Funding at T0+5.5 s, rate 0.0001 on the short at the perp mid
        // 100.21. Close at r7 (edge (100.10 − 100.07)/100.10 − 15 = −12.0 ≥ −20): sell 9.99 spot @ 100.10, buy 10 perp @ 100.07.
        var gross1 = (9.99m * (100.10m - 100.00m)) + (10m * (100.30m - 100.07m));
        var fees1 = (0.01m * 100.00m) + (10m * 100.30m * 0.0005m) + (9.99m * 100.10m * 0.001m) + (10m * 100.07m * 0.0005m);
        var funding = 10m * 100.21m * 0.0001m;

        // Trade 2: open at r9 (edge 27 − 15 = 12 bps): buy 10 spot @ 100.00, sell 10 perp @ 100.27. Close at r13 (edge
        // (99.56 − 99.57)/99.56 − 15 = −16.0 bps): sell 9.99 spot @ 99.56, buy 10 perp @ 99.57: a loss after fees.
        var gross2 = (9.99m * (99.56m - 100.00m)) + (10m * (100.27m - 99.57m));
        var fees2 = (0.01m * 100.00m) + (10m * 100.27m * 0.0005m) + (9.99m * 99.56m * 0.001m) + (10m * 99.57m * 0.0005m);

        var total = report.Total;
        Assert.Equal(4, total.Trades);
        Assert.Equal(2, total.Opens);
        Assert.Equal(2, total.Closes);
        Assert.Equal(2, total.RoundTrips);
        Assert.Equal(8, total.Fills);
        Assert.Equal(gross1 + gross2, total.GrossPnlUsd);
        Assert.Equal(5.9034m, total.GrossPnlUsd);
        Assert.Equal(fees1 + fees2, total.FeesUsd);
        Assert.Equal(5.9956534m, total.FeesUsd);
        Assert.Equal(funding, total.FundingUsd);
        Assert.Equal(0.10021m, total.FundingUsd);
        Assert.Equal(gross1 + gross2 - fees1 - fees2 + funding, total.NetPnlUsd);
        Assert.Equal(0.0079566m, total.NetPnlUsd);
        Assert.Equal(0m, total.UnrealizedUsd);
        Assert.Equal(0.5m, total.WinRate);
        var volume = (10m * 100.00m) + (10m * 100.30m) + (9.99m * 100.10m) + (10m * 100.07m)
            + (10m * 100.00m) + (10m * 100.27m) + (9.99m * 99.56m) + (10m * 99.57m);
        Assert.Equal(volume, total.VolumeUsd);

        // Held from r4 (T0+3 s) to r7 (T0+7 s) and from r9 (T0+9 s) to r13 (T0+13 s): 8 s of the 23 s the data spans.
        Assert.Equal(Math.Round(8.0 / 23.0, 6), total.TimeInMarket);
        Assert.Equal(
            [(T0 + 3_000, PairKind.Open), (T0 + 7_000, PairKind.Close), (T0 + 9_000, PairKind.Open), (T0 + 13_000, PairKind.Close)],
            report.Decisions.Select(d => (d.TimeMs, d.Kind)));

        // trades.csv in the live format: side, quantity, price per fill, in order.
        Assert.Equal(
            [
                "Buy,10.00,100.00,spot", "Sell,10.00,100.30,linear", "Sell,9.99,100.10,spot", "Buy,10.00,100.07,linear",
                "Buy,10.00,100.00,spot", "Sell,10.00,100.27,linear", "Sell,9.99,99.56,spot", "Buy,10.00,99.57,linear",
            ],
            trades.Select(t => string.Join(',', t.Side, t.Quantity.ToString(CultureInfo.InvariantCulture), t.Price.ToString(CultureInfo.InvariantCulture), t.Category)));
        Assert.Equal(total.NetPnlUsd, report.Symbols.Single().NetPnlUsd);
    }

    [Fact]
    public void The_same_rows_and_options_give_the_same_report()
    {
        var first = System.Text.Json.JsonSerializer.Serialize(Run(out _));
        var second = System.Text.Json.JsonSerializer.Serialize(Run(out _));

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_oracle_takes_at_least_what_the_engine_took()
    {
        var report = Run(out _);

        Assert.NotNull(report.Oracle);
        Assert.True(report.Oracle.NetPnlUsd >= report.Total.NetPnlUsd, $"oracle {report.Oracle.NetPnlUsd} below the run's {report.Total.NetPnlUsd}");
        Assert.Equal(10.00m, report.Oracle.QuantityBySymbol["ABCUSDT"]);
    }

    private BacktestReport Run(out IReadOnlyList<(string Side, decimal Quantity, decimal Price, string Category)> trades)
    {
        var tradesPath = Path.Combine(_dir, $"trades-{Guid.NewGuid():N}.csv");
        var report = new BacktestRun(Options(tradesPath)).Run(Rows());
        trades = [.. File.ReadLines(tradesPath).Skip(1).Select(line => line.Split(','))
            .Select(c => (c[2], decimal.Parse(c[3], CultureInfo.InvariantCulture), decimal.Parse(c[4], CultureInfo.InvariantCulture), c[7]))];
        return report;
    }

    internal static BacktestOptions Options(string tradesPath)
    {
        var spot = new InstrumentSpec("ABCUSDT", MarketCategory.Spot, InstrumentSpec.TradingStatus, "ABC", "USDT", 0.01m, 0.01m, 0.01m, 1m, null, null);
        var perp = new InstrumentSpec("ABCUSDT", MarketCategory.Linear, InstrumentSpec.TradingStatus, "ABC", "USDT", 0.01m, 0.01m, 0.01m, 1m, null, 480);
        return new BacktestOptions
        {
            Setups = [new SymbolSetup(spot, perp, 0.001m, 0.0005m, new ThresholdEdgeEstimator(10m, -20m, allowReverse: false))],
            Engine = new EngineOptions
            {
                Sizing = new SizingLimits(10_000m, 1m, 1_000m),
                ParallelTasks = 1,
                TradeCooldown = TimeSpan.Zero,
                HoldingHorizon = TimeSpan.Zero,
                BasisVolWindow = 2,
                SlippageToleranceBps = 0m,
            },
            Risk = new RiskLimits
            {
                MaxPositionUsd = 1_000m,
                MaxExposureUsd = 3_000m,
                MaxDrawdownUsd = 200m,
                MaxRelativeDrawdownUsd = 150m,
                MaxSymbolDrawdownUsd = 100m,
                MaxSymbolRelDrawdownUsd = 75m,
                DailyDrawdownUsd = 100m,
                MaxConsecutiveLosses = 5,
                MaxProfitUsd = 0m,
                ErrorLimit = 5,
            },
            SpotTakerFee = 0.001m,
            PerpTakerFee = 0.0005m,
            TradesPath = tradesPath,
        };
    }

    private static IEnumerable<QuoteRow> Rows()
    {
        const long funding = T0 + 5_500;
        const long nextFunding = funding + 28_800_000;
        var line = 1;
        QuoteRow Spot(long at, decimal bid, decimal ask) => new("ABCUSDT", MarketCategory.Spot, bid, ask, 50m, 50m, T0 + at, null, null, ++line);
        QuoteRow Perp(long at, decimal bid, decimal ask) =>
            new("ABCUSDT", MarketCategory.Linear, bid, ask, 50m, 50m, T0 + at, 0.0001m, at < 5_500 ? funding : nextFunding, ++line);

        yield return Spot(0, 99.98m, 100.00m);        // r1
        yield return Perp(1_000, 100.08m, 100.10m);   // r2: first basis sample
        yield return Spot(2_000, 99.98m, 100.00m);    // r3: volatility ready; open edge 8 − 15 = −7 bps
        yield return Perp(3_000, 100.30m, 100.32m);   // r4: open edge 15 bps → open
        yield return Perp(4_000, 100.20m, 100.22m);   // r5: close edge −39 bps → hold
        yield return Spot(6_000, 100.10m, 100.12m);   // r6: funding settled first at 5.5 s; close edge −27 bps → hold
        yield return Perp(7_000, 100.05m, 100.07m);   // r7: close edge −12 bps → close
        yield return Spot(8_000, 99.98m, 100.00m);    // r8: open edge 5 − 15 = −10 bps
        yield return Perp(9_000, 100.27m, 100.29m);   // r9: open edge 12 bps → open
        yield return Spot(10_000, 99.50m, 99.52m);    // r10: close edge −102 bps
        yield return Perp(11_000, 99.60m, 99.62m);    // r11: −27 bps
        yield return Perp(12_000, 99.55m, 99.57m);    // r12: −22 bps
        yield return Spot(13_000, 99.56m, 99.58m);    // r13: −16 bps → close
        for (var i = 14; i <= 24; i++)
        {
            // Quiet: open edge (99.70 − 99.58)/99.58 − 15 ≈ −3 bps.
            yield return i % 2 == 0 ? Perp((i - 1) * 1_000L, 99.70m, 99.72m) : Spot((i - 1) * 1_000L, 99.56m, 99.58m);
        }
    }
}
