using Arb.Engine.State;

namespace Arb.Engine.Trading;

/// <summary>Saving and restoring the symbol's booked state for the state file.</summary>
public sealed partial class SymbolTrader
{
    private readonly BookedExecIds _booked = new();

    /// <summary>The position, PnL parts, trade counters and booked exec ids, taken together under the symbol's lock.</summary>
    public SymbolSnapshot CaptureState()
    {
        lock (_sync)
        {
            return StateSnapshots.Capture(Portfolio, _throttle, _booked);
        }
    }

    /// <summary>
    /// Puts back what an earlier run saved, before trading starts (nothing may be in flight). The caller also
    /// hands the snapshot's exec ids to the order tracker, so replayed executions are not booked again.
    /// </summary>
    public void RestoreState(SymbolSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Symbol != Symbol)
        {
            throw new ArgumentException($"a {snapshot.Symbol} snapshot cannot restore {Symbol}", nameof(snapshot));
        }

        lock (_sync)
        {
            if (_opensInFlight + _closesInFlight > 0)
            {
                throw new InvalidOperationException($"{Symbol} has executions in flight: state is restored only before trading starts");
            }

            StateSnapshots.Restore(Portfolio, snapshot);
            StateSnapshots.Restore(_throttle, snapshot.Throttle);
            _booked.Restore(snapshot.BookedExecIds);
        }
    }
}
