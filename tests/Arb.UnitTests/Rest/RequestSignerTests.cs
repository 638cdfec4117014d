using Arb.Bybit.Rest;

namespace Arb.UnitTests.Rest;

/// <summary>The vectors of PROTOCOL.md §5.2, computed independently with openssl.</summary>
public sealed class RequestSignerTests
{
    private const string Secret = "0123456789abcdefSECRET";
    private const string DocsApiKey = "XXXXXXXXXX";

    [Fact]
    public void Get_signature_covers_timestamp_key_window_and_query()
    {
        var signer = new RequestSigner(Secret);

        var sign = signer.SignRest(1658384314791, DocsApiKey, 5000, "category=option&symbol=BTC-29JUL22-25000-C");

        Assert.Equal("b63bcfda2bfcdccda68040672ee6d5e9490fa7927948e039a05be5e0ca996de8", sign);
    }

    [Fact]
    public void Post_signature_covers_the_raw_body_whitespace_included()
    {
        var signer = new RequestSigner(Secret);

        var sign = signer.SignRest(1658385579423, DocsApiKey, 5000, "{\"category\": \"option\"}");

        Assert.Equal("54968cb1cbf9607cc5f5059d2e487b3e082e1ccedaf0db173d67bd4075763fc8", sign);
    }

    [Fact]
    public void WebSocket_auth_signature_covers_get_realtime_and_expiry()
    {
        var signer = new RequestSigner(Secret);

        Assert.Equal(
            "ba9589d43b5c38809e85c3be0d12da6adaf2ea56e5a03da8a2ad878e79552d86",
            signer.SignWebSocketAuth(1662350400000));
    }

    [Fact]
    public void Signer_does_not_print_its_secret()
    {
        Assert.DoesNotContain(Secret, new RequestSigner(Secret).ToString(), StringComparison.Ordinal);
    }
}
