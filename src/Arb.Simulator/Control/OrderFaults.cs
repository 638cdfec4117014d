namespace Arb.Simulator.Control;

/// <summary>
/// Order-entry misbehaviour switched on through <c>/sim/</c>: reject the next N orders (as Bybit does when the
/// balance check fails: linear 110007, spot 170131), and fill the next order only partly (half its quantity,
/// the rest cancelled), and cut the private stream just before the next order's pushes (so the trader learns the
/// outcome only by asking over REST).
/// </summary>
public sealed class OrderFaults
{
    private int _rejects;
    private int _partialFills;
    private int _privateDrops;

    public void RejectNext(int count) => Interlocked.Exchange(ref _rejects, Math.Max(0, count));

    public void PartiallyFillNext(int count) => Interlocked.Exchange(ref _partialFills, Math.Max(0, count));

    public void DropPrivateStreamOnNext(int count) => Interlocked.Exchange(ref _privateDrops, Math.Max(0, count));

    /// <summary>True (once per count) when this order must be rejected.</summary>
    public bool TakeReject() => TryTake(ref _rejects);

    /// <summary>True (once per count) when this order may fill only half.</summary>
    public bool TakePartialFill() => TryTake(ref _partialFills);

    /// <summary>True (once per count) when the private stream must be cut before this order's events go out.</summary>
    public bool TakePrivateStreamDrop() => TryTake(ref _privateDrops);

    private static bool TryTake(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
