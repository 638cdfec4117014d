using Arb.Bybit.Rest;

namespace Arb.UnitTests.Rest;

public sealed class RetryBackoffTests
{
    [Fact]
    public void Ceiling_doubles_per_retry_up_to_the_cap()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromMilliseconds(200), backoff.Ceiling(0));
        Assert.Equal(TimeSpan.FromMilliseconds(400), backoff.Ceiling(1));
        Assert.Equal(TimeSpan.FromMilliseconds(800), backoff.Ceiling(2));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Ceiling(3));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Ceiling(1000));
    }

    [Fact]
    public void Delay_is_jittered_between_half_and_all_of_the_ceiling()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

        for (var retry = 0; retry < 10; retry++)
        {
            var delay = backoff.Delay(retry);
            Assert.InRange(delay, backoff.Ceiling(retry) / 2, backoff.Ceiling(retry));
        }
    }

    [Fact]
    public void Server_requested_waits_are_clamped()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.Zero, backoff.Clamp(TimeSpan.FromSeconds(-3)));
        Assert.Equal(TimeSpan.FromMilliseconds(700), backoff.Clamp(TimeSpan.FromMilliseconds(700)));
        Assert.Equal(TimeSpan.FromSeconds(5), backoff.Clamp(TimeSpan.FromMinutes(10)));
    }
}
