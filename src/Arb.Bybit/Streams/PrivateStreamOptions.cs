using Arb.Bybit.Rest;

namespace Arb.Bybit.Streams;

/// <summary>How the private-stream connection authenticates, what it subscribes and when it gives up on a connection.</summary>
public sealed record PrivateStreamOptions
{
    /// <summary>The stream address, e.g. <c>wss://stream.bybit.com/v5/private</c> (<c>BybitEndpoints.Private</c>).</summary>
    public required Uri Endpoint { get; init; }

    public required ApiCredentials Credentials { get; init; }

    /// <summary>All-in-one topics; categorised forms (<c>order.linear</c>) cannot be mixed with these in one request.</summary>
    public IReadOnlyList<string> Topics { get; init; } = ["order", "execution", "position", "wallet"];

    /// <summary>
    /// Milliseconds to add to the local clock to get the exchange's (e.g. the REST client's measured server offset),
    /// so the auth expiry is judged on the exchange's clock. Null: trust the local clock.
    /// </summary>
    public Func<long>? ClockOffsetMs { get; init; }

    /// <summary>How far ahead of the exchange's now the auth signature expires.</summary>
    public TimeSpan AuthExpiry { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The auth and subscribe answers must arrive within this long after connecting.</summary>
    public TimeSpan AuthTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bybit recommends a ping every 20 seconds.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>A ping without an answer for this long means the connection is dead.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; doubles after each failed attempt up to <see cref="ReconnectDelayMax"/>.</summary>
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(30);
}
