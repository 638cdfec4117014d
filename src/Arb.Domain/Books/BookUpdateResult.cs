namespace Arb.Domain.Books;

/// <summary>What applying one exchange message did to a book.</summary>
public enum BookUpdateResult
{
    /// <summary>The book is valid and changed.</summary>
    Applied,

    /// <summary>The delta's update id did not follow the last one: the book is now stale.</summary>
    Gap,

    /// <summary>After applying, the best bid reached the best ask: the book is now stale.</summary>
    Crossed,

    /// <summary>The book is not valid, so the delta was dropped; only a snapshot rebuilds it.</summary>
    IgnoredNotValid,
}
