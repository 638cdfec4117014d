namespace Arb.Engine.State;

/// <summary>
/// The latest exec ids booked into one symbol's position, oldest first, capped. The order tracker remembers every
/// id for the life of the process; these are the ones the state file carries across a restart, enough to cover
/// what the venue may report again (a day of fills at the default MAX_DAILY_TRADES). Not thread-safe: used under
/// the symbol's lock, so the ids and the position are captured together.
/// </summary>
internal sealed class BookedExecIds
{
    public const int DefaultCapacity = 1_000;

    private readonly Queue<string> _ids;
    private readonly int _capacity;

    public BookedExecIds(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _ids = new Queue<string>(capacity);
    }

    public int Count => _ids.Count;

    public void Add(string execId)
    {
        if (_ids.Count == _capacity)
        {
            _ids.Dequeue();
        }

        _ids.Enqueue(execId);
    }

    public string[] ToArray() => _ids.ToArray();

    /// <summary>Replaces the ids with saved ones (the newest, if there are more than fit).</summary>
    public void Restore(IEnumerable<string> execIds)
    {
        _ids.Clear();
        foreach (var execId in execIds)
        {
            Add(execId);
        }
    }
}
