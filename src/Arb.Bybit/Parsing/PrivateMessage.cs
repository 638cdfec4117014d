using Arb.Domain.Trading;

namespace Arb.Bybit.Parsing;

/// <summary>
/// One parsed private-stream frame. A data push yields one event per row it could use; rows of categories the bot
/// does not trade (option, inverse) or execution types it does not book are <see cref="IgnoredRows"/>, rows that do
/// not parse are <see cref="MalformedRows"/> and are skipped without losing their neighbours.
/// </summary>
public sealed record PrivateMessage(PrivateMessageKind Kind)
{
    public static readonly PrivateMessage Pong = new(PrivateMessageKind.Pong);

    public static readonly PrivateMessage Other = new(PrivateMessageKind.Other);

    /// <summary>For auth and subscribe answers.</summary>
    public bool Success { get; init; }

    /// <summary>The exchange's <c>ret_msg</c> of a command answer, or the parse error of a malformed frame.</summary>
    public string Message { get; init; } = "";

    public string Topic { get; init; } = "";

    public IReadOnlyList<IAccountEvent> Events { get; init; } = [];

    public int IgnoredRows { get; init; }

    public int MalformedRows { get; init; }

    public static PrivateMessage Malformed(string error) => new(PrivateMessageKind.Malformed) { Message = error };
}
