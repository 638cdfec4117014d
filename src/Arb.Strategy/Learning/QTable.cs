namespace Arb.Strategy.Learning;

/// <summary>Action values for every state of <see cref="StateSpace"/>: two doubles per state, zero where never visited.</summary>
public sealed class QTable
{
    private readonly double[] _values;

    public QTable() => _values = new double[StateSpace.StateCount * 2];

    public int StateCount => StateSpace.StateCount;

    public double this[int state, LearnerAction action]
    {
        get => _values[(state * 2) + (int)action];
        set => _values[(state * 2) + (int)action] = value;
    }

    /// <summary>Acting only when it is worth strictly more than waiting: an unvisited state waits.</summary>
    public LearnerAction Best(int state) => _values[(state * 2) + 1] > _values[state * 2] ? LearnerAction.Act : LearnerAction.Hold;

    public double Max(int state) => Math.Max(_values[state * 2], _values[(state * 2) + 1]);

    /// <summary>The states with a non-zero value (what a policy file stores).</summary>
    public IEnumerable<(int State, double Hold, double Act)> Visited()
    {
        for (var s = 0; s < StateSpace.StateCount; s++)
        {
            var hold = _values[s * 2];
            var act = _values[(s * 2) + 1];
            if (hold != 0 || act != 0)
            {
                yield return (s, hold, act);
            }
        }
    }
}
