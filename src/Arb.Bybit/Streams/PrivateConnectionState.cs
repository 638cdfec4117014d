namespace Arb.Bybit.Streams;

public sealed partial class PrivateStreamClient
{
    // What one connection has seen; shared by its receive loop and its watchdog.
    private sealed class ConnectionState
    {
        private string? _reason;
        private long _pingSentAt;
        private long _lastPong;
        private int _live;

        public string? Reason => Volatile.Read(ref _reason);

        /// <summary>Subscribe answers still awaited; touched only by the receive loop.</summary>
        public int PendingAcks { get; set; }

        public bool Live
        {
            get => Volatile.Read(ref _live) == 1;
            set => Volatile.Write(ref _live, value ? 1 : 0);
        }

        public long PingSentAt
        {
            get => Volatile.Read(ref _pingSentAt);
            set => Volatile.Write(ref _pingSentAt, value);
        }

        public long LastPong => Volatile.Read(ref _lastPong);

        public void Pong(long timestamp) => Volatile.Write(ref _lastPong, timestamp);

        // The first cause wins: later errors are consequences of the restart.
        public void Fail(string reason) => Interlocked.CompareExchange(ref _reason, reason, null);
    }
}
