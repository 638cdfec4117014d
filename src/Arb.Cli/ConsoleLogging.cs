using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Arb.Cli;

/// <summary>One-line, UTC-stamped console logs on stderr, so stdout stays free for data (replay, reports).</summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(LogLevel level) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(level)
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
        })
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
}
