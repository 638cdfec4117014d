using Arb.Engine.Risk;
using Microsoft.Extensions.Time.Testing;

namespace Arb.UnitTests.Engine.Risk;

internal static class RiskFixture
{
    public const string Btc = "BTCUSDT";
    public const string Eth = "ETHUSDT";

    // 2025-03-01 12:00:00 UTC, a Saturday noon: half a day before the next UTC day.
    public static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset NextMidnight = new(2025, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The settings' defaults.</summary>
    public static RiskLimits Defaults { get; } = new()
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
    };

    /// <summary>Every PnL stop and the daily pause out of reach, so a test sets only the limit it is about.</summary>
    public static RiskLimits Wide { get; } = Defaults with
    {
        MaxDrawdownUsd = 1_000_000m,
        MaxRelativeDrawdownUsd = 1_000_000m,
        MaxSymbolDrawdownUsd = 1_000_000m,
        MaxSymbolRelDrawdownUsd = 1_000_000m,
        DailyDrawdownUsd = 1_000_000m,
    };

    public static (RiskManager Risk, FakeTimeProvider Time) Manager(RiskLimits limits, DateTimeOffset? start = null)
    {
        var time = new FakeTimeProvider(start ?? Noon);
        return (new RiskManager(limits, time), time);
    }

    /// <summary>Realized and unrealized PnL of each symbol.</summary>
    public static PnlView Pnl(params (string Symbol, decimal Realized, decimal Unrealized)[] symbols) =>
        new([.. symbols.Select(s => new SymbolPnl(s.Symbol, s.Realized, s.Unrealized))]);

    /// <summary>A session PnL split evenly over BTC and ETH, realized only.</summary>
    public static PnlView Total(decimal total) => Pnl((Btc, total / 2m, 0m), (Eth, total / 2m, 0m));

    public static ExposureView Exposure(params (string Symbol, decimal Held, decimal Reserved)[] symbols) =>
        new([.. symbols.Select(s => new SymbolExposure(s.Symbol, s.Held, s.Reserved))]);

    /// <summary>The count of every counted rule, zeros left out, as "label=count".</summary>
    public static string[] NonZeroCounts(RiskManager risk) =>
        [.. risk.ViolationCounts().Where(p => p.Value != 0).Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal)];
}
