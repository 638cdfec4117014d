using System.Threading.Channels;
using Arb.Bybit.Streams;
using Arb.Engine.Trading;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Trading;

/// <summary>
/// The one consumer of the private stream: hands each account event to the engine in the exchange's order.
/// While the stream is down, executions in flight read their orders back over REST on their own.
/// </summary>
internal sealed partial class AccountEventPump(ChannelReader<PrivateStreamEvent> events, TradingEngine engine, ILogger logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var item in events.ReadAllAsync(ct))
            {
                switch (item.Kind)
                {
                    case PrivateStreamEventKind.Account when item.Event is { } accountEvent:
                        engine.OnAccountEvent(accountEvent);
                        break;
                    case PrivateStreamEventKind.Authenticated:
                        LogAuthenticated();
                        break;
                    case PrivateStreamEventKind.ConnectionLost:
                        LogLost(item.Reason ?? "unknown");
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "private stream authenticated: fills and order updates flow")]
    private partial void LogAuthenticated();

    [LoggerMessage(Level = LogLevel.Warning, Message = "private stream lost ({Reason}): orders in flight are read back over REST until it returns")]
    private partial void LogLost(string reason);
}
