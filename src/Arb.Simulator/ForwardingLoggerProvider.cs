using Microsoft.Extensions.Logging;

namespace Arb.Simulator;

/// <summary>Sends the web host's logs to the caller's logger factory, so the simulator logs where the bot does.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory loggers) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => loggers.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
