using Arb.Simulator.Auth;

namespace Arb.UnitTests.Simulator;

/// <summary>The simulator checks signatures with its own HMAC code; it must agree with the reference's vectors.</summary>
public sealed class HmacSignatureTests
{
    private const string Secret = "0123456789abcdefSECRET";

    [Theory]
    [InlineData("1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C", "b63bcfda2bfcdccda68040672ee6d5e9490fa7927948e039a05be5e0ca996de8")]
    [InlineData("1658385579423XXXXXXXXXX5000{\"category\": \"option\"}", "54968cb1cbf9607cc5f5059d2e487b3e082e1ccedaf0db173d67bd4075763fc8")]
    [InlineData("GET/realtime1662350400000", "ba9589d43b5c38809e85c3be0d12da6adaf2ea56e5a03da8a2ad878e79552d86")]
    public void Signs_the_protocol_reference_vectors(string message, string expected)
    {
        Assert.Equal(expected, HmacSignature.Compute(Secret, message));
        Assert.True(HmacSignature.Matches(expected, expected.ToUpperInvariant()));
        Assert.False(HmacSignature.Matches(expected, expected[..^1] + "0"));
        Assert.False(HmacSignature.Matches(expected, null));
    }
}
