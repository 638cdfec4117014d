using System.Text.Json;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Risk;
using Arb.Engine.State;

namespace Arb.UnitTests.Engine.State;

/// <summary>Snapshots with awkward decimals, and a scratch directory holding a store's files.</summary>
internal static class StateSamples
{
    public static readonly DateTimeOffset SessionStart = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Decimals at the edges of the type: 28 digits, 1e-28, scale kept (1.50), the extremes.</summary>
    public static readonly decimal[] Awkward =
    [
        0.000000001m,
        0.00000000000000000001m, // 1e-20
        0.0000000000000000000000000001m, // 1e-28, the smallest step
        1234567890.123456789012345678m, // 28 significant digits
        0.1234567890123456789012345678m, // 28 decimals
        7922816251426433759354395033.5m,
        decimal.MaxValue,
        decimal.MinValue,
        1.50m,
        -0.000m,
        65_010.50m,
    ];

    public static BotState Create(int sequence = 1, string symbol = "BTCUSDT") => new()
    {
        SavedAt = SessionStart.AddSeconds(sequence).AddTicks(1234567),
        SessionStartedAt = SessionStart,
        Symbols =
        [
            new SymbolSnapshot(
                symbol,
                new LegSnapshot(
                    0.000000001m + 1.5m + sequence,
                    1234567890.123456789012345678m,
                    [
                        new LotSnapshot(1.5m, 65_010.50m),
                        new LotSnapshot(0.000000001m, 0.00000000000000000001m),
                        .. sequence > 0 ? [new LotSnapshot(sequence, 7922816251426433759354395033.5m)] : Array.Empty<LotSnapshot>(),
                    ]),
                new LegSnapshot(-2.25m, -0.1234567890123456789012345678m, [new LotSnapshot(2m, 65_300m), new LotSnapshot(0.25m, 65_300.1m)]),
                0.0000000000000000000000000001m,
                -6.0237m,
                new ThrottleSnapshot(new DateOnly(2025, 3, 1), 17 + sequence, SessionStart.AddHours(4).ToUnixTimeMilliseconds()),
                [.. Enumerable.Range(0, 5).Select(i => $"exec-{sequence}-{i}")]),
            new SymbolSnapshot("ETHUSDT", LegSnapshot.Flat, LegSnapshot.Flat, 0m, 0m, ThrottleSnapshot.None, []),
        ],
        InFlightOrders =
        [
            new InFlightOrderSnapshot(MarketCategory.Spot, symbol, TradeSide.Buy, 0.01m, 65_010.5m, $"arb-s1-{sequence}s", false, 35.1234m, 65_000m, 0.004m, 1_740_816_000_123),
            new InFlightOrderSnapshot(MarketCategory.Linear, symbol, TradeSide.Sell, 0.01m, null, $"arb-s1-{sequence}h", true, 0m, 65_300m, 0m, null),
        ],
        Risk = new RiskStateSnapshot(
            decimal.MaxValue,
            new Dictionary<string, decimal> { [symbol] = 12.000000000000000000000001m, ["ETHUSDT"] = -0m },
            new DateOnly(2025, 3, 1),
            decimal.MinValue,
            3,
            new RiskPause(RiskRule.DailyDrawdown, "the day's PnL reached -DAILY_DRAWDOWN_USD", SessionStart, SessionStart.AddDays(1)),
            sequence % 2 == 0 ? new RiskStop(RiskRule.MaxDrawdown, "session PnL reached -MAX_DRAWDOWN_USD", SessionStart, null) : null),
    };

    /// <summary>The JSON the store writes: equal texts mean equal snapshots, decimals digit for digit (scale too).</summary>
    public static string Json(BotState state) => JsonSerializer.Serialize(state, StateJsonContext.Default.BotState);

    public static byte[] Bytes(BotState state) => JsonSerializer.SerializeToUtf8Bytes(state, StateJsonContext.Default.BotState);
}

/// <summary>A temp directory with a main and a backup file path, removed afterwards.</summary>
internal sealed class StateDirectory : IDisposable
{
    public StateDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "arb-state-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Main => Path.Combine(Root, "logs", "state.json");

    public string Backup => Path.Combine(Root, "logs", "state.bak.json");

    public StateStore Store() => new(Main, Backup);

    public void Write(string path, ReadOnlySpan<byte> bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes.ToArray());
    }

    public void Write(string path, string text) => Write(path, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
