using System.Text.Json;
using System.Threading.Channels;
using Arb.Bybit.Rest;
using Arb.Bybit.Streams;
using Microsoft.Extensions.Time.Testing;

namespace Arb.UnitTests.Streams;

public sealed class PrivateStreamClientAuthTests
{
    private static PrivateStreamClient Client(FakeTimeProvider time, Func<long>? offset) => new(
        new PrivateStreamOptions
        {
            Endpoint = new Uri("ws://127.0.0.1:1/v5/private"),
            Credentials = new ApiCredentials("key-1", "0123456789abcdefSECRET"),
            ClockOffsetMs = offset,
        },
        Channel.CreateUnbounded<PrivateStreamEvent>().Writer,
        time);

    [Fact]
    public void Auth_expires_five_seconds_after_the_exchange_clock_and_signs_the_protocol_vector()
    {
        // Local clock 1662350394000 plus a measured exchange offset of +1000 ms: expires 1662350400000, the test vector.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_662_350_394_000));
        using var request = JsonDocument.Parse(Client(time, () => 1_000).AuthRequest());

        var root = request.RootElement;
        Assert.Equal("auth", root.GetProperty("op").GetString());
        var args = root.GetProperty("args");
        Assert.Equal("key-1", args[0].GetString());
        Assert.Equal(JsonValueKind.Number, args[1].ValueKind);
        Assert.Equal(1_662_350_400_000, args[1].GetInt64());
        Assert.Equal("ba9589d43b5c38809e85c3be0d12da6adaf2ea56e5a03da8a2ad878e79552d86", args[2].GetString());
    }

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        var client = Client(new FakeTimeProvider(), null);

        Assert.Equal(TimeSpan.FromMilliseconds(500), client.BackoffDelay(0));
        Assert.Equal(TimeSpan.FromMilliseconds(2000), client.BackoffDelay(2));
        Assert.Equal(TimeSpan.FromSeconds(30), client.BackoffDelay(50));
    }
}
