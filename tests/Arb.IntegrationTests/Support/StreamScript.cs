namespace Arb.IntegrationTests.Support;

/// <summary>How the fake stream server behaves on one subscription of one connection.</summary>
internal enum StreamBehaviour
{
    /// <summary>Snapshot, then a delta every few milliseconds until unsubscribed or disconnected.</summary>
    Stream,

    /// <summary>Snapshot and a few deltas, then the TCP connection is cut without a close frame.</summary>
    DropAfterAFew,

    /// <summary>Snapshot and a few deltas, then no more data (pings are still answered).</summary>
    SilentAfterAFew,

    /// <summary>Snapshot and some deltas, then one update id is skipped; streaming goes on after it.</summary>
    GapAfterAFew,
}
