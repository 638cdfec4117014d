using Arb.Domain.Market;

namespace Arb.Bybit.Streams;

/// <summary>How one public-stream connection subscribes and decides that it is dead.</summary>
public sealed record PublicStreamOptions
{
    /// <summary>The stream address, e.g. <c>wss://stream.bybit.com/v5/public/linear</c>.</summary>
    public required Uri Endpoint { get; init; }

    public required MarketCategory Category { get; init; }

    public required IReadOnlyList<string> Symbols { get; init; }

    /// <summary>Order-book depth to subscribe (1, 50, 200 or 1000).</summary>
    public int Depth { get; init; } = 50;

    /// <summary>Also subscribe <c>tickers.{symbol}</c> (mark/index price and funding for perpetuals).</summary>
    public bool SubscribeTickers { get; init; }

    /// <summary>Bybit recommends a ping every 20 seconds.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>A ping without an answer for this long means the connection is dead.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>No quote for this long restarts the connection (<c>WS_LIVENESS_TIMEOUT</c>).</summary>
    public TimeSpan LivenessTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; doubles after each failed attempt up to <see cref="ReconnectDelayMax"/>.</summary>
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Spot accepts at most 10 topics per subscribe request.</summary>
    public int MaxTopicsPerRequest { get; init; } = 10;

    public string BookTopic(string symbol) => $"orderbook.{Depth}.{symbol}";

    public IReadOnlyList<string> Topics()
    {
        var topics = new List<string>(Symbols.Count * 2);
        foreach (var symbol in Symbols)
        {
            topics.Add(BookTopic(symbol));
            if (SubscribeTickers)
            {
                topics.Add($"tickers.{symbol}");
            }
        }

        return topics;
    }
}
