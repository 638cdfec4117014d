using Arb.Engine.Trading;

namespace Arb.UnitTests.Cli;

/// <summary>Engine snapshots as a trader would see them mid-session.</summary>
internal static class StatusSamples
{
    // Long 0.01 BTC spot, short 0.01 perp; nothing to close against yet, so the close edge is null.
    public static SymbolStatus Btc { get; } = new(
        Symbol: "BTCUSDT",
        State: SymbolTradingState.Active,
        BasisBps: 12.34m,
        OpenEdgeBps: 4.12m,
        ReverseEdgeBps: -2m,
        CloseEdgeBps: null,
        SpotQuantity: 0.0100m,
        PerpQuantity: -0.01m,
        SpotEntryPrice: 65000.5m,
        PerpEntryPrice: 65010m,
        RealizedUsd: 1.234m,
        UnrealizedUsd: -0.4m,
        FeesUsd: 0.15m,
        FundingUsd: 0.02m,
        TradesToday: 3,
        ExecutionsInFlight: 0,
        LegImbalances: 0);

    // Still warming: no market numbers, flat.
    public static SymbolStatus Eth { get; } = new(
        "ETHUSDT", SymbolTradingState.Warming, null, null, null, null, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0, 0, 0);

    public static EngineStatus Status { get; } = new(
        new DateTimeOffset(2025, 6, 1, 14, 34, 56, TimeSpan.FromHours(2)), "paper", 10012.345m, [Btc, Eth]);
}
