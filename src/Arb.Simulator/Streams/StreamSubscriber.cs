using System.Threading.Channels;

namespace Arb.Simulator.Streams;

/// <summary>
/// The sending side of one WebSocket connection: frames queue here and one loop sends them in order.
/// A client that falls too far behind is cut off, as an exchange would.
/// </summary>
internal sealed class StreamSubscriber
{
    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(100_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public StreamSubscriber(string connectionId) => ConnectionId = connectionId;

    public string ConnectionId { get; }

    public ChannelReader<byte[]> Outbox => _outbox.Reader;

    /// <summary>Set when the outbox overflowed; the session closes the connection.</summary>
    public bool Overflowed { get; private set; }

    public void Send(byte[] frame)
    {
        if (!_outbox.Writer.TryWrite(frame))
        {
            Overflowed = true;
            _outbox.Writer.TryComplete();
        }
    }

    public void Close() => _outbox.Writer.TryComplete();
}
