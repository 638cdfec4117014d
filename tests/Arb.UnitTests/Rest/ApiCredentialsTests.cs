using Arb.Bybit.Rest;

namespace Arb.UnitTests.Rest;

public sealed class ApiCredentialsTests
{
    [Fact]
    public void Neither_credentials_nor_options_print_the_key_or_secret()
    {
        var credentials = new ApiCredentials("KEY-abc123", "SECRET-xyz789");
        var options = new BybitRestOptions(new Uri("https://api.bybit.com")) { Credentials = credentials };

        foreach (var text in new[] { credentials.ToString(), options.ToString() })
        {
            Assert.DoesNotContain("KEY-abc123", text, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET-xyz789", text, StringComparison.Ordinal);
            Assert.Contains("<redacted>", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Empty_key_or_secret_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new ApiCredentials("", "secret"));
        Assert.Throws<ArgumentException>(() => new ApiCredentials("key", " "));
    }
}
