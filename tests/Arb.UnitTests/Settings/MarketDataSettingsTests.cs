namespace Arb.UnitTests.Settings;

public sealed class MarketDataSettingsTests
{
    [Fact]
    public void Legacy_liveness_timeout_is_used_when_it_is_the_only_one()
    {
        var s = SettingsTestHelpers.Load(("LIVENESS_TIMEOUT", "12.5"));

        Assert.Equal(TimeSpan.FromSeconds(12.5), s.MarketData.LivenessTimeout);
    }

    [Fact]
    public void Ws_liveness_timeout_is_used_when_it_is_the_only_one()
    {
        var s = SettingsTestHelpers.Load(("WS_LIVENESS_TIMEOUT", "7"));

        Assert.Equal(TimeSpan.FromSeconds(7), s.MarketData.LivenessTimeout);
    }

    [Fact]
    public void Ws_liveness_timeout_wins_when_both_are_set()
    {
        var s = SettingsTestHelpers.Load(("LIVENESS_TIMEOUT", "60"), ("WS_LIVENESS_TIMEOUT", "0.75"));

        Assert.Equal(TimeSpan.FromMilliseconds(750), s.MarketData.LivenessTimeout);
    }

    [Fact]
    public void The_losing_liveness_timeout_is_still_validated()
    {
        var ex = SettingsTestHelpers.LoadFails(("LIVENESS_TIMEOUT", "soon"), ("WS_LIVENESS_TIMEOUT", "10"));

        Assert.Equal("LIVENESS_TIMEOUT", ex.Variable);
    }

    [Fact]
    public void Symbols_are_trimmed_uppercased_and_deduplicated_in_order()
    {
        var s = SettingsTestHelpers.Load(("SYMBOLS", " ethusdt, BTCUSDT ,EthUsdt,,1000PEPEUSDT, btcusdt,"));

        Assert.Equal(["ETHUSDT", "BTCUSDT", "1000PEPEUSDT"], s.MarketData.Symbols);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("50")]
    [InlineData("200")]
    [InlineData("1000")]
    public void Every_published_depth_is_accepted(string depth)
    {
        var s = SettingsTestHelpers.Load(("ORDERBOOK_DEPTH", depth));

        Assert.Equal(int.Parse(depth, System.Globalization.CultureInfo.InvariantCulture), s.MarketData.OrderBookDepth);
    }

    [Fact]
    public void ToString_lists_the_symbols()
    {
        var s = SettingsTestHelpers.Load(("SYMBOLS", "BTCUSDT,SOLUSDT"));

        Assert.Contains("Symbols = [BTCUSDT, SOLUSDT]", s.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_of_a_hand_built_record_with_a_default_array_does_not_throw()
    {
        var settings = new Arb.Cli.Settings.MarketDataSettings { Symbols = default, OrderBookDepth = 1, LivenessTimeout = TimeSpan.FromSeconds(1) };

        Assert.Contains("Symbols = []", settings.ToString(), StringComparison.Ordinal);
    }
}
