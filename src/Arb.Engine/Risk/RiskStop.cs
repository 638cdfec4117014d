namespace Arb.Engine.Risk;

/// <summary>
/// Why the bot stopped: the first stop rule breached, a message with the figures compared, when, and the symbol
/// for the per-symbol rules.
/// </summary>
public sealed record RiskStop(RiskRule Rule, string Message, DateTimeOffset Time, string? Symbol = null);

/// <summary>The daily drawdown pause: opens are refused from <see cref="Time"/> until <see cref="Until"/> (00:00 UTC).</summary>
public sealed record RiskPause(RiskRule Rule, string Message, DateTimeOffset Time, DateTimeOffset Until);
