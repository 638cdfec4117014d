using Arb.Domain.Trading;

namespace Arb.Bybit.Streams;

public enum PrivateStreamEventKind
{
    /// <summary>
    /// Authenticated and every topic subscribed: pushes flow from here on. Anything that happened before is not
    /// replayed, so the consumer reconciles orders, positions and balances over REST now.
    /// </summary>
    Authenticated,

    /// <summary>The connection ended; pushes are lost until the next <see cref="Authenticated"/>.</summary>
    ConnectionLost,

    /// <summary>An account event, in <see cref="PrivateStreamEvent.Event"/>.</summary>
    Account,
}

/// <summary>One item from the private stream to its consumer, in the order things happened.</summary>
public readonly record struct PrivateStreamEvent(
    PrivateStreamEventKind Kind,
    IAccountEvent? Event,
    long ReceivedTimestamp,
    string? Reason = null);
