using Arb.Engine.Risk;

namespace Arb.Engine.State;

/// <summary>
/// Everything the bot needs to resume after a restart, as saved in STATE_FILE: per symbol the positions (as lots),
/// PnL parts, daily trade counters and the exec ids already booked; the orders that were in flight; and the risk
/// manager's section (peaks, day start, consecutive losses). Decimals are written as JSON strings, so they are
/// read back digit for digit, never through a binary float.
/// </summary>
public sealed record BotState
{
    /// <summary>The layout this build writes and accepts; a file with any other version is refused, not guessed at.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>When the trading session began (the first start, kept across restarts that resume it).</summary>
    public required DateTimeOffset SessionStartedAt { get; init; }

    public required IReadOnlyList<SymbolSnapshot> Symbols { get; init; }

    /// <summary>Orders sent but not settled when the snapshot was taken, for reconciliation by client order id.</summary>
    public required IReadOnlyList<InFlightOrderSnapshot> InFlightOrders { get; init; }

    public required RiskStateSnapshot Risk { get; init; }
}
