namespace Arb.Domain.Execution;

public enum SubmitStatus
{
    /// <summary>The venue took the order; its fills and final state follow as account events.</summary>
    Accepted,

    /// <summary>The venue refused it: the order does not exist and nothing of it can fill.</summary>
    Rejected,

    /// <summary>
    /// No answer (transport error, timeout): the order may or may not exist. Never resent; the engine asks the
    /// venue about it by its client id.
    /// </summary>
    Unknown,
}

/// <summary>What the venue said to one order submission; <see cref="Reason"/> explains a rejection or an unknown.</summary>
public readonly record struct SubmitOutcome(SubmitStatus Status, string? Reason = null)
{
    public static SubmitOutcome Accepted { get; } = new(SubmitStatus.Accepted);

    public static SubmitOutcome Rejected(string reason) => new(SubmitStatus.Rejected, reason);

    public static SubmitOutcome Unknown(string reason) => new(SubmitStatus.Unknown, reason);
}
