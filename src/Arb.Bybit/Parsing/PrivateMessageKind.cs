namespace Arb.Bybit.Parsing;

/// <summary>What one private-stream frame turned out to be.</summary>
public enum PrivateMessageKind
{
    /// <summary>Not JSON, or JSON without the fields its kind requires.</summary>
    Malformed,

    /// <summary>The answer to <c>auth</c>; <see cref="PrivateMessage.Success"/> says whether it was accepted.</summary>
    AuthResponse,

    /// <summary>The answer to <c>subscribe</c> or <c>unsubscribe</c>.</summary>
    SubscribeResponse,

    /// <summary>A heartbeat answer: <c>op</c> "pong" (the private shape), or <c>ret_msg</c> "pong".</summary>
    Pong,

    /// <summary>A push of an account topic; its rows are in <see cref="PrivateMessage.Events"/>.</summary>
    Data,

    /// <summary>Well-formed but nothing this client asked for (another op, another topic).</summary>
    Other,
}
