namespace Arb.Bybit.Streams;

/// <summary>
/// Sees every data frame of the public streams, exactly as received, before the books apply it (a recorder).
/// Called on the market-data thread with a buffer that is returned to the pool right after: copy what you keep,
/// and do no I/O here.
/// </summary>
public interface IRawFrameObserver
{
    void OnFrame(in StreamFrame frame);
}
