using Arb.Domain.Market;
using Arb.Simulator.Market;
using Arb.Simulator.Trading;

namespace Arb.Simulator.Streams;

/// <summary>
/// Pushes an account's pending events (order, execution, position, wallet) to that account's authenticated
/// private connections, on each topic form they subscribed to (<c>order</c> and <c>order.linear</c> alike).
/// Events are drained whether or not anyone listens: Bybit does not replay missed pushes either.
/// Callers hold the market's gate.
/// </summary>
internal sealed class AccountEventPublisher(SimMarket market, AccountRegistry accounts, Func<IEnumerable<PrivateStreamSession>> sessions)
{
    private readonly PrivateFrames _frames = new();

    public void FlushAll(long nowMs)
    {
        foreach (var account in accounts.All)
        {
            Flush(account, nowMs);
        }
    }

    public void Flush(SimAccount account, long nowMs)
    {
        var events = account.DrainEvents();
        if (events.Count == 0)
        {
            return;
        }

        var listeners = sessions().Where(s => s.Caller?.ApiKey == account.ApiKey).ToList();
        if (listeners.Count == 0)
        {
            return;
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case SimOrderEvent order:
                    Push(listeners, Forms("order", order.Order.Category), topic => _frames.Order(topic, order.Order, nowMs));
                    break;
                case SimExecutionEvent execution:
                    var x = execution.Execution;
                    Push(listeners, Forms("execution", x.Category), topic => _frames.Execution(topic, x, nowMs));
                    if (x.ExecType == "Trade")
                    {
                        Push(listeners, Forms("execution.fast", x.Category), topic => _frames.ExecutionFast(topic, x, nowMs));
                    }

                    break;
                case SimPositionEvent position:
                    Push(listeners, Forms("position", MarketCategory.Linear), topic => _frames.Position(topic, position.Position, nowMs));
                    break;
                case SimWalletEvent wallet:
                    Push(listeners, ["wallet"], topic => _frames.Wallet(topic, wallet.Coins, UsdValue, nowMs));
                    break;
            }
        }
    }

    private static string[] Forms(string topic, MarketCategory category) => [topic, $"{topic}.{category.ToWireName()}"];

    private static void Push(List<PrivateStreamSession> listeners, string[] topics, Func<string, byte[]> frame)
    {
        foreach (var topic in topics)
        {
            byte[]? bytes = null;
            foreach (var session in listeners)
            {
                if (session.IsSubscribed(topic))
                {
                    session.Send(bytes ??= frame(topic));
                }
            }
        }
    }

    // USDT is the account's unit; other coins at their spot mid.
    private decimal UsdValue(string coin)
    {
        if (coin == SimInstrument.QuoteCoin)
        {
            return 1m;
        }

        var book = market.Find(coin + SimInstrument.QuoteCoin)?.Spot;
        return book?.BestBid is { } bid && book.BestAsk is { } ask ? (bid + ask) / 2m : 0m;
    }
}
