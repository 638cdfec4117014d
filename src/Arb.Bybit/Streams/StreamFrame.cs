using System.Buffers;
using Arb.Domain.Market;

namespace Arb.Bybit.Streams;

public enum StreamFrameKind
{
    /// <summary>A complete text frame from the exchange.</summary>
    Data,

    /// <summary>The connection was lost or restarted; every book of the category is stale.</summary>
    ConnectionLost,
}

/// <summary>
/// One item from a stream connection to its consumer. Data frames own a pooled buffer: the consumer calls
/// <see cref="Release"/> once it has processed the bytes.
/// </summary>
public readonly record struct StreamFrame(
    MarketCategory Category,
    StreamFrameKind Kind,
    byte[]? Buffer,
    int Length,
    long ReceivedTimestamp,
    string? Reason = null)
{
    public ReadOnlySpan<byte> Payload => Buffer is null ? default : Buffer.AsSpan(0, Length);

    public void Release()
    {
        if (Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
