using Arb.Cli.Settings;

namespace Arb.UnitTests.Settings;

public sealed class TradingSettingsTests
{
    private static TradingSettings Load(params (string Name, string Value)[] pairs) =>
        SettingsLoader.Load(pairs.ToDictionary(p => p.Name, p => (string?)p.Value), dotEnvPath: null).Trading;

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var t = Load();

        Assert.Equal(TradingMode.Auto, t.Mode);
        Assert.Equal(20m, t.EntryEdgeBps);
        Assert.Equal(-10m, t.ExitEdgeBps);
        Assert.True(t.AllowReverse);
        Assert.Equal(TimeSpan.FromHours(8), t.HoldingHorizon);
        Assert.Equal(1, t.Leverage);
        Assert.Equal(TimeSpan.FromSeconds(2), t.LegHedgeTimeout);
        Assert.Equal((0.001m, 0.00055m), (t.SpotTakerFee, t.PerpTakerFee));
        Assert.Equal(600, t.BasisVolWindow);
    }

    [Fact]
    public void Values_are_read_exactly_and_live_mode_with_keys_is_accepted()
    {
        var t = Load(
            ("MODE", "LIVE"), ("BYBIT_API_KEY", "k3y-value"), ("BYBIT_API_SECRET", "s3cret-value"),
            ("ENTRY_EDGE_BPS", "12.5"), ("EXIT_EDGE_BPS", "-3.25"), ("ALLOW_REVERSE", "off"),
            ("HOLDING_HORIZON_SEC", "0"), ("LEVERAGE", "3"), ("LEG_HEDGE_TIMEOUT_SEC", "0.25"),
            ("SPOT_TAKER_FEE", "0.0008"), ("PERP_TAKER_FEE", "0.0004"), ("BASIS_VOL_WINDOW", "120"));

        Assert.Equal(TradingMode.Live, t.Mode);
        Assert.Equal((12.5m, -3.25m), (t.EntryEdgeBps, t.ExitEdgeBps));
        Assert.False(t.AllowReverse);
        Assert.Equal(TimeSpan.Zero, t.HoldingHorizon);
        Assert.Equal(3, t.Leverage);
        Assert.Equal(TimeSpan.FromMilliseconds(250), t.LegHedgeTimeout);
        Assert.Equal((0.0008m, 0.0004m), (t.SpotTakerFee, t.PerpTakerFee));
        Assert.Equal(120, t.BasisVolWindow);
    }
}
