namespace Arb.Domain.Books;

/// <summary>Whether a book can be trusted.</summary>
public enum BookState
{
    /// <summary>No snapshot received yet.</summary>
    Empty,

    /// <summary>Built from a snapshot and every delta since, in sequence.</summary>
    Valid,

    /// <summary>A gap, a crossed book or a lost connection: waiting for a fresh snapshot.</summary>
    Stale,
}
