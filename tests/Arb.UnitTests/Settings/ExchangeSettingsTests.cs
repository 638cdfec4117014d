using Arb.Bybit.Connection;

namespace Arb.UnitTests.Settings;

public sealed class ExchangeSettingsTests
{
    [Theory]
    [InlineData("mainnet", BybitEnvironment.Mainnet)]
    [InlineData("TESTNET", BybitEnvironment.Testnet)]
    [InlineData("Demo", BybitEnvironment.Demo)]
    public void Bybit_env_is_case_insensitive(string value, BybitEnvironment expected)
    {
        var s = SettingsTestHelpers.Load(("BYBIT_ENV", value));

        Assert.Equal(expected, s.Exchange.Environment);
    }

    [Fact]
    public void Endpoints_follow_the_environment_without_overrides()
    {
        var s = SettingsTestHelpers.Load(("BYBIT_ENV", "mainnet"));

        Assert.Equal(BybitEndpoints.For(BybitEnvironment.Mainnet), s.Exchange.ResolveEndpoints());
    }

    [Fact]
    public void Url_overrides_replace_the_hosts()
    {
        var s = SettingsTestHelpers.Load(("BYBIT_REST_URL", "http://127.0.0.1:5080"), ("BYBIT_WS_URL", "ws://127.0.0.1:5081/"));

        var endpoints = s.Exchange.ResolveEndpoints();

        Assert.Equal(new Uri("http://127.0.0.1:5080"), endpoints.Rest);
        Assert.Equal(new Uri("ws://127.0.0.1:5081/v5/public/spot"), endpoints.PublicSpot);
        Assert.Equal(new Uri("ws://127.0.0.1:5081/v5/public/linear"), endpoints.PublicLinear);
        Assert.Equal(new Uri("ws://127.0.0.1:5081/v5/private"), endpoints.Private);
    }

    [Fact]
    public void Key_and_secret_together_enable_api_access()
    {
        var s = SettingsTestHelpers.Load(("BYBIT_API_KEY", "key123"), ("BYBIT_API_SECRET", "secret456"));

        Assert.True(s.HasApiKeys);
        Assert.Equal("key123", s.Exchange.ApiKey.Reveal());
        Assert.Equal("secret456", s.Exchange.ApiSecret.Reveal());
    }
}
