using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Arb.UnitTests.Support;

/// <summary>A logger that keeps every formatted message, to check what would have been written.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _messages.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
